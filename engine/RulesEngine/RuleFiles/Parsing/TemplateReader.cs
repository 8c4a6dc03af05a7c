using RulesEngine.Templates;

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// Reads values that are templates over the issue. A syntax error or an unknown name is reported at the value's
/// line and column, with Fluid's position inside the template.
/// </summary>
internal static class TemplateReader
{
    public static IssueTemplate? Read(YamlNode node, string key, string expected, ErrorCollector errors)
    {
        var text = NodeReader.Text(node, key, expected, errors);
        return text is null ? null : Parse(node, key, text, errors);
    }

    public static IssueTemplate? ReadNonBlank(YamlNode node, string key, string expected, ErrorCollector errors)
    {
        var text = NodeReader.NonBlankText(node, key, expected, errors);
        return text is null ? null : Parse(node, key, text, errors);
    }

    /// <summary>One template, or a sequence of them (<c>to: [a@example.com, b@example.com]</c>).</summary>
    /// <returns>The templates read; those with errors are left out after being reported.</returns>
    public static IReadOnlyList<IssueTemplate> ReadOneOrMore(YamlNode node, string key, string expected,
        ErrorCollector errors)
    {
        if (node is not SequenceNode sequence)
        {
            return ReadNonBlank(node, key, expected, errors) is { } one ? [one] : [];
        }

        if (sequence.Items.Count == 0)
        {
            errors.Add(node.Start, $"expected {expected} for '{key}', found an empty sequence");
        }

        return ReadEach(sequence, key, expected, errors);
    }

    /// <summary>A sequence of templates, such as a program's arguments; an empty one is allowed.</summary>
    public static IReadOnlyList<IssueTemplate> ReadSequence(YamlNode node, string key, string expected,
        ErrorCollector errors) =>
        NodeReader.Sequence(node, key, $"a sequence, each item {expected}", errors) is { } sequence
            ? ReadEach(sequence, key, expected, errors)
            : [];

    private static List<IssueTemplate> ReadEach(SequenceNode sequence, string key, string expected,
        ErrorCollector errors) =>
        sequence.Items.Select(item => Read(item, key, expected, errors)).OfType<IssueTemplate>().ToList();

    private static IssueTemplate? Parse(YamlNode node, string key, string text, ErrorCollector errors)
    {
        var template = TemplateParser.TryParse(key, text, errors.Locate(node.Start), out var error);
        if (template is null)
        {
            errors.Add(node.Start, $"'{key}': {error}");
        }

        return template;
    }
}
