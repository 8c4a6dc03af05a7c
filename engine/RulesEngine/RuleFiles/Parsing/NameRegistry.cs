namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// The names taken so far in one namespace of a rule file: assertions and model assertions share one (both name
/// the issues they open), responders have their own (their action history is kept under the name).
/// </summary>
internal sealed class NameRegistry(string advice)
{
    private readonly Dictionary<string, (string Kind, long Line)> taken = [];

    /// <summary>Takes the name for the rule, or reports at the name that an earlier rule has it.</summary>
    /// <param name="kind">The rule's kind with its article, such as "an assertion".</param>
    public void Claim(ScalarNode? name, MappingNode rule, string kind, ErrorCollector errors)
    {
        if (name is null)
        {
            return;
        }

        if (taken.TryGetValue(name.Value, out var earlier))
        {
            // A rule repeated through an alias shares its name's node with the anchored rule: the alias is the place.
            var (at, repeated) = rule.Alias is { } alias ? (rule.Start, $" (the alias '*{alias}' repeats it)") : (name.Start, "");
            errors.Add(at, $"the name '{name.Value}' is already used by {earlier.Kind} at line {earlier.Line}" +
                $"{repeated}; {advice}");
            return;
        }

        taken.Add(name.Value, (kind, rule.Start.Line));
    }
}
