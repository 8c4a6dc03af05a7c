using RulesEngine.Issues;

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>Reads rule names, which become issue names and appear in logs and on the dashboard.</summary>
internal static class RuleNames
{
    /// <summary>
    /// The text of <paramref name="key"/> when it is there as a scalar, read before the rule's other keys so
    /// every error of the rule can name it; null otherwise (the readers report why).
    /// </summary>
    public static ScalarNode? Peek(MappingNode mapping, string key) =>
        mapping.Entries.FirstOrDefault(entry => entry.Name == key)?.Value as ScalarNode is { IsNull: false } scalar
            ? scalar
            : null;

    /// <summary>
    /// Text that is not blank, holds no control character (a tab, a line break) nor line or paragraph separator, and is
    /// at most <see cref="IssueKeyRules.MaxNameBytes"/> long: the rules the store applies to every issue name, checked
    /// here so that a rule breaking them is a load error at its name rather than a failure of its every run.
    /// </summary>
    public static string? Read(YamlNode node, string key, ErrorCollector errors)
    {
        var name = NodeReader.NonBlankText(node, key, "a name", errors);
        if (name is not null && IssueKeyRules.NameProblem(name, $"the {key}") is { } problem)
        {
            errors.Add(node.Start, problem);
            return null;
        }

        return name;
    }
}
