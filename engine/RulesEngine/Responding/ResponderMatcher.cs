using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using RulesEngine.Compilation;

namespace RulesEngine.Responding;

/// <summary>
/// Matches issue names against responders' patterns, each distinct name once per pass: the issues of a model
/// assertion share one name, so thousands of issues cost one regex match per responder. Used by one pass, on one
/// thread.
/// </summary>
internal sealed class ResponderMatcher(IReadOnlyList<CompiledResponder> responders, ILogger log)
{
    private readonly Dictionary<string, IReadOnlyList<CompiledResponder>> byName = new(StringComparer.Ordinal);
    private readonly HashSet<string> timedOut = new(StringComparer.Ordinal);

    public IReadOnlyList<CompiledResponder> Matching(string issueName)
    {
        if (!byName.TryGetValue(issueName, out var matching))
        {
            matching = responders.Where(responder => SafeMatch(responder, issueName)).ToList();
            byName[issueName] = matching;
        }

        return matching;
    }

    // A pattern that backtracks past its time limit matches nothing rather than stalling every responder; the
    // operator hears of it once per responder and pass, not once per issue name.
    private bool SafeMatch(CompiledResponder responder, string issueName)
    {
        try
        {
            return responder.Matches(issueName);
        }
        catch (RegexMatchTimeoutException exception)
        {
            if (timedOut.Add(responder.Name))
            {
                log.LogWarning(EngineEvents.WatchPatternTimedOut, "The watch pattern {Pattern} of responder " +
                    "{Responder} ({File}) took longer than {TimeoutMs} ms on issue '{IssueName}' and matched nothing; " +
                    "its other issues this pass may be missed the same way. Simplify the pattern (nested repetition " +
                    "such as (x+x+)+ backtracks without end)",
                    responder.Definition.Watch, responder.Name, responder.File.Path,
                    exception.MatchTimeout.TotalMilliseconds, issueName);
            }

            return false;
        }
    }
}
