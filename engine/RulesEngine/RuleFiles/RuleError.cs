namespace RulesEngine.RuleFiles;

/// <summary>
/// One thing wrong with a rule file, found while loading or compiling it: where, in which rule, and what.
/// A load reports every error it finds, not only the first.
/// </summary>
/// <param name="Location">The file, line and column in the rule file (not in generated code).</param>
/// <param name="Rule">The rule's name, or null when the error is not inside one rule (malformed YAML, say).</param>
/// <param name="Message">What was expected and what was found, in words an operator can act on.</param>
public sealed record RuleError(SourceLocation Location, string? Rule, string Message)
{
    public override string ToString() =>
        Rule is null ? $"{Location}: {Message}" : $"{Location}: rule '{Rule}': {Message}";
}
