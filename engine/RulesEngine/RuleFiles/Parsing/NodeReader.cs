namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// Reads a node as the shape a key needs, or reports "expected ..., found ..." at the node and returns null.
/// </summary>
internal static class NodeReader
{
    public static MappingNode? Mapping(YamlNode node, string key, string expected, ErrorCollector errors) =>
        node as MappingNode ?? Mismatch<MappingNode>(node, key, expected, errors);

    public static SequenceNode? Sequence(YamlNode node, string key, string expected, ErrorCollector errors) =>
        node as SequenceNode ?? Mismatch<SequenceNode>(node, key, expected, errors);

    /// <summary>Any scalar but a null one; YAML numbers and booleans are read as the text written.</summary>
    public static ScalarNode? Scalar(YamlNode node, string key, string expected, ErrorCollector errors) =>
        node is ScalarNode { IsNull: false } scalar ? scalar : Mismatch<ScalarNode>(node, key, expected, errors);

    public static string? Text(YamlNode node, string key, string expected, ErrorCollector errors) =>
        Scalar(node, key, expected, errors)?.Value;

    /// <summary>Text with at least one character that is not white space.</summary>
    public static string? NonBlankText(YamlNode node, string key, string expected, ErrorCollector errors)
    {
        var text = Text(node, key, expected, errors);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            errors.Add(node.Start, $"expected {expected} for '{key}', found only white space");
            return null;
        }

        return text;
    }

    /// <summary>A plain <c>true</c> or <c>false</c> (any case the YAML 1.2 core schema allows).</summary>
    public static bool? Boolean(YamlNode node, string key, ErrorCollector errors)
    {
        if (node is ScalarNode { IsPlain: true } scalar && ParamsConverter.TryReadBoolean(scalar.Value, out var value))
        {
            return value;
        }

        errors.Add(node.Start, $"expected true or false for '{key}', found {node.Describe()}");
        return null;
    }

    /// <summary>A plain whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static int? Integer(YamlNode node, string key, int min, int max, ErrorCollector errors)
    {
        if (node is ScalarNode { IsPlain: true } scalar && int.TryParse(scalar.Value,
                System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }

        errors.Add(node.Start, $"expected a whole number from {min} to {max} for '{key}', found {node.Describe()}");
        return null;
    }

    public static void ReportMismatch(YamlNode node, string key, string expected, ErrorCollector errors) =>
        errors.Add(node.Start, $"expected {expected} for '{key}', found {node.Describe()}");

    private static T? Mismatch<T>(YamlNode node, string key, string expected, ErrorCollector errors) where T : class
    {
        ReportMismatch(node, key, expected, errors);
        return null;
    }
}
