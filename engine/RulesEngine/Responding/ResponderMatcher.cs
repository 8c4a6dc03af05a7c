using System.Text.RegularExpressions;
using RulesEngine.Compilation;

namespace RulesEngine.Responding;

/// <summary>
/// Matches issue names against responders' patterns, each distinct name once per pass: the issues of a model
/// assertion share one name, so thousands of issues cost one regex match per responder.
/// </summary>
internal sealed class ResponderMatcher(IReadOnlyList<CompiledResponder> responders)
{
    private readonly Dictionary<string, IReadOnlyList<CompiledResponder>> byName = new(StringComparer.Ordinal);

    public IReadOnlyList<CompiledResponder> Matching(string issueName)
    {
        if (!byName.TryGetValue(issueName, out var matching))
        {
            matching = responders.Where(responder => SafeMatch(responder, issueName)).ToList();
            byName[issueName] = matching;
        }

        return matching;
    }

    // A pattern that backtracks past its time limit matches nothing rather than stalling every responder.
    private static bool SafeMatch(CompiledResponder responder, string issueName)
    {
        try
        {
            return responder.Matches(issueName);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
