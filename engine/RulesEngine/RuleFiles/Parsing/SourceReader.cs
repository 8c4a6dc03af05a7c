using Microsoft.Data.Sqlite;

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// Reads a model assertion's <c>source</c>: a mapping with exactly one kind key, <c>sqlite</c> (with
/// <c>query</c>), <c>json</c> or <c>csharp</c>. Relative database and file paths are made absolute against the
/// rule file's folder, so a rule means the same whatever the engine's working directory.
/// </summary>
internal static class SourceReader
{
    private static readonly string[] Kinds = ["sqlite", "json", "csharp"];
    private static readonly string[] Unsupported = ["postgres", "http", "litedb"];
    private static readonly string[] Keys = [.. Kinds, "query"];

    public static SourceDefinition? Read(YamlNode node, RuleFileText file, ErrorCollector errors)
    {
        var mapping = NodeReader.Mapping(node, "source", "a mapping with one of sqlite, json or csharp", errors);
        if (mapping is null)
        {
            return null;
        }

        var source = KeyedMapping.Read(mapping, "a source", Keys, errors, Unsupported);
        var kind = KindKey.Read(source, "source", Kinds, Unsupported, errors);
        CheckQuery(source, kind, errors);

        var location = errors.Locate(mapping.Start);
        return kind switch
        {
            "sqlite" => ReadSqlite(source, location, file, errors),
            "json" => ReadJson(source, location, file, errors),
            "csharp" => ReadCSharp(source, location, file, errors),
            _ => null,
        };
    }

    private static void CheckQuery(KeyedMapping source, string? kind, ErrorCollector errors)
    {
        if (kind == "sqlite")
        {
            source.Required("query", "the SQL query that selects the records", errors);
        }
        else if (kind is not null && source.Entry("query") is { } query)
        {
            errors.Add(query.Key.Start, $"'query' belongs to a sqlite source, not a {kind} one");
        }
    }

    private static SqliteSourceDefinition? ReadSqlite(KeyedMapping source, SourceLocation location,
        RuleFileText file, ErrorCollector errors)
    {
        var node = source.Required("sqlite", "a connection string or a database file path", errors);
        var value = node is null ? null : NodeReader.NonBlankText(node, "sqlite", "a connection string", errors);
        var query = source.Optional("query") is { } queryNode
            ? NodeReader.NonBlankText(queryNode, "query", "an SQL query", errors)
            : null;
        if (node is null || value is null || query is null)
        {
            return null;
        }

        var connection = ResolveSqlite(value, file.Directory, out var problem);
        if (connection is null)
        {
            errors.Add(node.Start, problem);
            return null;
        }

        return new SqliteSourceDefinition(location, connection, query);
    }

    /// <summary>A value without '=' is a database file path; a relative file path becomes absolute.</summary>
    private static string? ResolveSqlite(string value, string directory, out string problem)
    {
        problem = "";
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = value.Contains('=') ? new(value) : new() { DataSource = value };
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            problem = $"invalid SQLite connection string '{value}': {exception.Message}";
            return null;
        }

        if (IsRelativeFile(builder))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(directory, builder.DataSource));
        }

        return builder.ToString();
    }

    private static bool IsRelativeFile(SqliteConnectionStringBuilder builder) =>
        builder.DataSource is not ("" or ":memory:")
        && builder.Mode != SqliteOpenMode.Memory
        && !builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
        && !Path.IsPathRooted(builder.DataSource);

    private static JsonFileSourceDefinition? ReadJson(KeyedMapping source, SourceLocation location,
        RuleFileText file, ErrorCollector errors)
    {
        var node = source.Required("json", "the path of a JSON file", errors);
        var path = node is null ? null : NodeReader.NonBlankText(node, "json", "the path of a JSON file", errors);
        return path is null ? null : new JsonFileSourceDefinition(location, Path.GetFullPath(path, file.Directory));
    }

    private static CSharpSourceDefinition? ReadCSharp(KeyedMapping source, SourceLocation location,
        RuleFileText file, ErrorCollector errors)
    {
        var node = source.Required("csharp", "a C# expression returning the records", errors);
        var code = node is null ? null : SnippetExtractor.Read(node, "csharp", file, errors);
        return code is null ? null : new CSharpSourceDefinition(location, code);
    }
}
