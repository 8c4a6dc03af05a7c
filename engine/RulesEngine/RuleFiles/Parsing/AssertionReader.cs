namespace RulesEngine.RuleFiles.Parsing;

/// <summary>Reads an item of <c>assertions</c>, and the keys model assertions share with it.</summary>
internal static class AssertionReader
{
    public static readonly string[] Keys =
        ["name", "description", "schedule", "timezone", "timeout", "params", "check"];

    /// <returns>The assertion, or null when it had any error (all reported).</returns>
    public static AssertionDefinition? Read(MappingNode node, RuleFileText file, ErrorCollector errors)
    {
        var mapping = KeyedMapping.Read(node, "an assertion", Keys, errors);
        var parts = ReadParts(mapping, file, errors);
        if (errors.HasErrors)
        {
            return null;
        }

        return new AssertionDefinition
        {
            Name = parts.Name!,
            Location = errors.Locate(node.Start),
            Description = parts.Description,
            Schedule = parts.Schedule,
            TimeZone = parts.TimeZone,
            Timeout = parts.Timeout,
            Params = parts.Params,
            Check = parts.Check!,
        };
    }

    public static AssertionParts ReadParts(KeyedMapping mapping, RuleFileText file, ErrorCollector errors)
    {
        var name = mapping.Required("name", "the name of the issue it opens", errors) is { } nameNode
            ? RuleNames.Read(nameNode, "name", errors)
            : null;
        var check = mapping.Required("check", "C# code telling whether all is well", errors) is { } checkNode
            ? SnippetExtractor.Read(checkNode, "check", file, errors)
            : null;

        return new AssertionParts(
            name,
            Optional(mapping, "description", node => NodeReader.Text(node, "description", "text", errors)),
            Optional(mapping, "schedule", node => CronValidator.Read(node, errors)),
            Optional(mapping, "timezone", node => TimeZoneReader.Read(node, errors)),
            Optional(mapping, "timeout", node => DurationParser.Read(node, "timeout", allowZero: false, DurationParser.LongestTimeout, errors)),
            Optional(mapping, "params", node => ParamsConverter.Read(node, errors)),
            check);
    }

    private static T? Optional<T>(KeyedMapping mapping, string key, Func<YamlNode, T?> read) =>
        mapping.Optional(key) is { } node ? read(node) : default;
}
