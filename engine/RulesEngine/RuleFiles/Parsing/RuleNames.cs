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

    /// <summary>Text that is not blank and holds no control character (a tab, a line break).</summary>
    public static string? Read(YamlNode node, string key, ErrorCollector errors)
    {
        var name = NodeReader.NonBlankText(node, key, "a name", errors);
        var control = name is null ? -1 : Array.FindIndex(name.ToCharArray(), char.IsControl);
        if (control >= 0)
        {
            errors.Add(node.Start, $"the {key} '{name}' holds a control character (a tab or a line break, say) " +
                $"at position {control + 1}; a name is one line of text");
            return null;
        }

        return name;
    }
}
