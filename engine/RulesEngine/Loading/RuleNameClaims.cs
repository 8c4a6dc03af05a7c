using RulesEngine.RuleFiles;

namespace RulesEngine.Loading;

/// <summary>
/// Enforces that rule names are unique across files: the first file in ordinal path order keeps a name, and a later
/// rule with the same name is left out with an error naming where the name is already used.
/// </summary>
internal static class RuleNameClaims
{
    public static Dictionary<string, ClaimedRuleFile> Resolve(IReadOnlyList<(RuleFileParseResult Result, string Text)> files)
    {
        var checks = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var responders = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var claimed = new Dictionary<string, ClaimedRuleFile>();

        foreach (var (result, text) in files)
        {
            var errors = result.Errors.ToList();
            var definition = result.File with
            {
                Assertions = Claim(result.File.Assertions, rule => rule.Name, rule => rule.Location, checks, errors),
                ModelAssertions = Claim(result.File.ModelAssertions, rule => rule.Name, rule => rule.Location, checks, errors),
                Responders = Claim(result.File.Responders, rule => rule.Name, rule => rule.Location, responders, errors),
            };
            claimed[definition.Path] = new ClaimedRuleFile(definition, text, errors);
        }

        return claimed;
    }

    private static List<T> Claim<T>(
        IReadOnlyList<T> rules, Func<T, string> name, Func<T, SourceLocation> location,
        Dictionary<string, SourceLocation> owners, List<RuleError> errors)
    {
        var kept = new List<T>();
        foreach (var rule in rules)
        {
            if (owners.TryGetValue(name(rule), out var owner))
            {
                errors.Add(new RuleError(location(rule), name(rule), $"the name is already used by the rule at {owner}; rule names must be unique across files."));
                continue;
            }

            owners[name(rule)] = location(rule);
            kept.Add(rule);
        }

        return kept;
    }
}
