namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// Reads a model assertion's <c>source</c>: a mapping with exactly one kind key (<c>sqlite</c>, <c>postgres</c>,
/// <c>http</c>, <c>json</c>, <c>litedb</c> or <c>csharp</c>) and the other keys that kind takes. Relative file paths
/// are made absolute against the rule file's folder, so a rule means the same whatever the engine's working
/// directory.
/// </summary>
internal static class SourceReader
{
    private static readonly string[] Kinds = ["sqlite", "postgres", "http", "json", "litedb", "csharp"];

    /// <summary>The keys each kind takes beside its kind key.</summary>
    private static readonly Dictionary<string, string[]> KindKeys = new()
    {
        ["sqlite"] = ["query"],
        ["postgres"] = ["query"],
        ["http"] = ["path", "timeout", "headers"],
        ["json"] = [],
        ["litedb"] = ["collection"],
        ["csharp"] = [],
    };

    private static readonly string[] Keys = [.. Kinds, .. KindKeys.Values.SelectMany(keys => keys).Distinct()];

    public static SourceDefinition? Read(YamlNode node, RuleFileText file, ErrorCollector errors)
    {
        var mapping = NodeReader.Mapping(node, "source", $"a mapping with one of {string.Join(", ", Kinds)}", errors);
        if (mapping is null)
        {
            return null;
        }

        var source = KeyedMapping.Read(mapping, "a source", Keys, errors);
        var kind = KindKey.Read(source, "source", Kinds, [], errors);
        CheckKindKeys(source, kind, errors);

        var location = errors.Locate(mapping.Start);
        return kind switch
        {
            "sqlite" => SqliteSourceReader.Read(source, location, file, errors),
            "postgres" => PostgresSourceReader.Read(source, location, errors),
            "http" => HttpSourceReader.Read(source, location, errors),
            "json" => ReadJson(source, location, file, errors),
            "litedb" => ReadLiteDb(source, location, file, errors),
            "csharp" => ReadCSharp(source, location, file, errors),
            _ => null,
        };
    }

    /// <summary>Reports keys given that belong to other kinds, such as a <c>query</c> for a JSON file.</summary>
    private static void CheckKindKeys(KeyedMapping source, string? kind, ErrorCollector errors)
    {
        if (kind is null)
        {
            return;
        }

        foreach (var entry in source.Node.Entries)
        {
            if (entry.Name is { } name && !Kinds.Contains(name) && !KindKeys[kind].Contains(name) && Keys.Contains(name))
            {
                var owners = KindKeys.Where(pair => pair.Value.Contains(name)).Select(pair => pair.Key);
                errors.Add(entry.Key.Start, $"'{name}' belongs to a {string.Join(" or ", owners)} source, not a {kind} one");
            }
        }
    }

    /// <summary>The text of a key that names a file, made absolute against the rule file's folder.</summary>
    public static string? ReadPath(KeyedMapping source, string key, string expected, RuleFileText file, ErrorCollector errors)
    {
        var node = source.Required(key, expected, errors);
        var path = node is null ? null : NodeReader.NonBlankText(node, key, expected, errors);
        return path is null ? null : Path.GetFullPath(path, file.Directory);
    }

    private static JsonFileSourceDefinition? ReadJson(KeyedMapping source, SourceLocation location,
        RuleFileText file, ErrorCollector errors) =>
        ReadPath(source, "json", "the path of a JSON file", file, errors) is { } path
            ? new JsonFileSourceDefinition(location, path)
            : null;

    private static LiteDbSourceDefinition? ReadLiteDb(KeyedMapping source, SourceLocation location,
        RuleFileText file, ErrorCollector errors)
    {
        var path = ReadPath(source, "litedb", "the path of a LiteDB file", file, errors);
        var node = source.Required("collection", "the name of the collection holding the records", errors);
        var collection = node is null ? null : NodeReader.NonBlankText(node, "collection", "a collection name", errors);
        return path is null || collection is null ? null : new LiteDbSourceDefinition(location, path, collection);
    }

    private static CSharpSourceDefinition? ReadCSharp(KeyedMapping source, SourceLocation location,
        RuleFileText file, ErrorCollector errors)
    {
        var node = source.Required("csharp", "a C# expression returning the records", errors);
        var code = node is null ? null : SnippetExtractor.Read(node, "csharp", file, errors);
        return code is null ? null : new CSharpSourceDefinition(location, code);
    }
}
