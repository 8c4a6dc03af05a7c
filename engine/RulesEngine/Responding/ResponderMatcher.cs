using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using RulesEngine.Compilation;

namespace RulesEngine.Responding;

/// <summary>
/// Matches issue names against responders' patterns, each distinct name once per pass: the issues of a model
/// assertion share one name, so thousands of issues cost one regex match per responder. A name on which a pattern
/// timed out, in this pass or an earlier one over the same rules, is not tried again (<see cref="WatchTimeouts"/>).
/// Used by one pass, on one thread.
/// </summary>
internal sealed class ResponderMatcher(IReadOnlyList<CompiledResponder> responders, WatchTimeouts timeouts, ILogger log)
{
    private readonly Dictionary<string, IReadOnlyList<CompiledResponder>> byName = new(StringComparer.Ordinal);
    private readonly HashSet<string> warned = new(StringComparer.Ordinal);

    public IReadOnlyList<CompiledResponder> Matching(string issueName)
    {
        if (!byName.TryGetValue(issueName, out var matching))
        {
            matching = responders.Where(responder => SafeMatch(responder, issueName)).ToList();
            byName[issueName] = matching;
        }

        return matching;
    }

    // A pattern that backtracks past its time limit matches nothing rather than stalling every responder, and is not
    // tried on that name again until the rules reload; the operator hears of it once per responder and pass in which
    // it times out, not once per issue name.
    private bool SafeMatch(CompiledResponder responder, string issueName)
    {
        if (timeouts.HasTimedOut(responder, issueName))
        {
            return false;
        }

        try
        {
            return responder.Matches(issueName);
        }
        catch (RegexMatchTimeoutException exception)
        {
            timeouts.Remember(responder, issueName);
            if (warned.Add(responder.Name))
            {
                log.LogWarning(EngineEvents.WatchPatternTimedOut, "The watch pattern {Pattern} of responder " +
                    "{Responder} ({File}) took longer than {TimeoutMs} ms on issue '{IssueName}' and matched nothing; " +
                    "it is not tried on that name again until the rules reload, and its other issues may be missed the " +
                    "same way. Simplify the pattern (nested repetition such as (x+x+)+ backtracks without end)",
                    responder.Definition.Watch, responder.Name, responder.File.Path,
                    exception.MatchTimeout.TotalMilliseconds, issueName);
            }

            return false;
        }
    }
}
