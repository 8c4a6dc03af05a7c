using Microsoft.Data.Sqlite;

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>Reads a <c>sqlite</c> source: a connection string or a database file path, and a <c>query</c>.</summary>
internal static class SqliteSourceReader
{
    public static SqliteSourceDefinition? Read(KeyedMapping source, SourceLocation location,
        RuleFileText file, ErrorCollector errors)
    {
        var node = source.Required("sqlite", "a connection string or a database file path", errors);
        var value = node is null ? null : NodeReader.NonBlankText(node, "sqlite", "a connection string", errors);
        var query = ReadQuery(source, errors);
        if (node is null || value is null || query is null)
        {
            return null;
        }

        var connection = Resolve(value, file.Directory, out var problem);
        if (connection is null)
        {
            errors.Add(node.Start, problem);
            return null;
        }

        return new SqliteSourceDefinition(location, connection, query);
    }

    /// <summary>The <c>query</c> of a SQL source, reported when missing.</summary>
    public static string? ReadQuery(KeyedMapping source, ErrorCollector errors) =>
        source.Required("query", "the SQL query that selects the records", errors) is { } node
            ? NodeReader.NonBlankText(node, "query", "an SQL query", errors)
            : null;

    /// <summary>A value without '=' is a database file path; a relative file path becomes absolute.</summary>
    private static string? Resolve(string value, string directory, out string problem)
    {
        problem = "";
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = value.Contains('=') ? new(value) : new() { DataSource = value };
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            problem = $"invalid SQLite connection string: {ConnectionStringValues.Hide(exception.Message, value)}";
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
}
