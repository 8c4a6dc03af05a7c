using RulesEngine.Compilation;

namespace RulesEngine.Responding;

/// <summary>
/// The issue names on which each responder's watch pattern ran past its match timeout, remembered for one rule set so
/// that later respond passes do not try them again: the same pattern backtracks the same way on the same name, and
/// twelve names under two such patterns cost 24 s of CPU on every pass. A reload builds a new rule set, which starts
/// with nothing remembered. Used by one respond pass at a time, on one thread.
/// </summary>
/// <remarks>
/// A known shortcoming: a name on which a pattern timed out only because the machine was busy (a pattern that takes
/// 0.8 s alone may take over 1 s beside a heavy check) is not matched again until the next reload, so that
/// responder's actions wait for it. The warning logged at the timeout says so; a reload (SIGHUP, POST /-/reload)
/// tries again.
/// </remarks>
internal sealed class WatchTimeouts
{
    /// <summary>
    /// How many names are remembered per responder: a name is at most 256 bytes, so a responder holds at most about
    /// 0.5 MB here. A responder timing out on more names than this tries the names past it on every pass, as before.
    /// </summary>
    public const int MaxNamesPerResponder = 1_000;

    private readonly Dictionary<CompiledResponder, HashSet<string>> timedOut = [];

    public bool HasTimedOut(CompiledResponder responder, string issueName) =>
        timedOut.TryGetValue(responder, out var names) && names.Contains(issueName);

    /// <returns>False when the responder already has <see cref="MaxNamesPerResponder"/> names and this one is not kept.</returns>
    public bool Remember(CompiledResponder responder, string issueName)
    {
        if (!timedOut.TryGetValue(responder, out var names))
        {
            names = new HashSet<string>(StringComparer.Ordinal);
            timedOut[responder] = names;
        }

        return names.Count < MaxNamesPerResponder && names.Add(issueName);
    }
}
