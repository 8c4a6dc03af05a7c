namespace RulesEngine.RuleFiles.Parsing;

/// <summary>Reads an item of <c>model_assertions</c>: an assertion's keys plus source, key and fields.</summary>
internal static class ModelAssertionReader
{
    private static readonly string[] Keys = [.. AssertionReader.Keys, "source", "key", "fields"];

    /// <returns>The model assertion, or null when it had any error (all reported).</returns>
    public static ModelAssertionDefinition? Read(MappingNode node, RuleFileText file, ErrorCollector errors)
    {
        var mapping = KeyedMapping.Read(node, "a model assertion", Keys, errors);
        var parts = AssertionReader.ReadParts(mapping, file, errors);

        var source = mapping.Required("source", "where the records come from", errors) is { } sourceNode
            ? SourceReader.Read(sourceNode, file, errors)
            : null;
        var key = mapping.Required("key", "the record field that identifies a record", errors);
        var keyName = key is null ? null : FieldsReader.ReadName(key, "key", errors);
        var fields = mapping.Optional("fields") is { } fieldsNode ? FieldsReader.Read(fieldsNode, errors) : [];
        CheckFieldsDeclared(source, fields, mapping, errors);

        if (errors.HasErrors)
        {
            return null;
        }

        return new ModelAssertionDefinition
        {
            Name = parts.Name!,
            Location = errors.Locate(node.Start),
            Description = parts.Description,
            Schedule = parts.Schedule,
            TimeZone = parts.TimeZone,
            Timeout = parts.Timeout,
            Params = parts.Params,
            Check = parts.Check!,
            Source = source!,
            Key = keyName!,
            KeyLocation = errors.Locate(key!.Start),
            Fields = fields,
        };
    }

    // JSON, an HTTP answer or a LiteDB collection says nothing of its fields' types until it is read, so the rule
    // must declare them.
    private static void CheckFieldsDeclared(SourceDefinition? source, IReadOnlyList<FieldDefinition> fields,
        KeyedMapping mapping, ErrorCollector errors)
    {
        var declaresFields = fields.Count > 0 || mapping.Optional("fields") is MappingNode { Entries.Count: > 0 };
        if (source is { NeedsFields: true } && !declaresFields)
        {
            errors.Add(mapping.Node.Start, $"a model assertion with a {source.Kind} source needs 'fields' " +
                "(each record field's name and C# type, such as 'id: long')");
        }
    }
}
