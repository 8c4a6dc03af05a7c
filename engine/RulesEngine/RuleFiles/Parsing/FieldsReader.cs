namespace RulesEngine.RuleFiles.Parsing;

/// <summary>Reads a model assertion's <c>fields</c> (field name to C# type, in order) and record field names.</summary>
internal static class FieldsReader
{
    public static IReadOnlyList<FieldDefinition> Read(YamlNode node, ErrorCollector errors)
    {
        var mapping = NodeReader.Mapping(node, "fields", "a mapping of field names to C# types", errors);
        var fields = new List<FieldDefinition>();
        foreach (var entry in mapping?.Entries ?? [])
        {
            if (ReadField(entry, fields, errors) is { } field)
            {
                fields.Add(field);
            }
        }

        return fields;
    }

    /// <summary>A record field's name, which C# code reaches as a member (<c>record.pic_url</c>).</summary>
    public static string? ReadName(YamlNode node, string key, ErrorCollector errors)
    {
        var name = NodeReader.Text(node, key, "a record field name", errors);
        if (name is not null && !CSharpNames.IsIdentifier(name))
        {
            errors.Add(node.Start, $"the field name '{name}' is not a C# identifier (letters, digits and _, not " +
                "starting with a digit, not a keyword); C# code reaches each field as record.<name>");
            return null;
        }

        return name;
    }

    private static FieldDefinition? ReadField(MappingEntry entry, List<FieldDefinition> read, ErrorCollector errors)
    {
        var name = ReadName(entry.Key, "fields", errors);
        if (name is not null && read.FirstOrDefault(field => field.Name == name) is { } first)
        {
            errors.Add(entry.Key.Start, $"the field '{name}' is declared twice; first at line {first.Location.Line}");
            return null;
        }

        const string expected = "a C# type such as long, string? or DateTime?";
        var type = NodeReader.NonBlankText(entry.Value, name ?? "fields", expected, errors);
        if (type is not null && !CSharpNames.IsType(type))
        {
            errors.Add(entry.Value.Start, $"'{type}' is not a C# type; expected {expected}");
            return null;
        }

        return name is null || type is null ? null : new FieldDefinition(name, type, errors.Locate(entry.Key.Start));
    }
}
