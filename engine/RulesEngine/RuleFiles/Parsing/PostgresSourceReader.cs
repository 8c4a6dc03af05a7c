using Npgsql;

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// Reads a <c>postgres</c> source: an Npgsql connection string, or <c>{ env: NAME }</c> for one kept in an
/// environment variable, and a <c>query</c>.
/// </summary>
internal static class PostgresSourceReader
{
    public static PostgresSourceDefinition? Read(KeyedMapping source, SourceLocation location, ErrorCollector errors)
    {
        var node = source.Required("postgres", "an Npgsql connection string", errors);
        var connection = node is null ? null : SourceSettingReader.Read(node, "postgres", "an Npgsql connection string", errors);
        var query = SqliteSourceReader.ReadQuery(source, errors);
        if (connection?.Written is { } written && Problem(written) is { } problem)
        {
            errors.Add(node!.Start, problem);
            return null;
        }

        return connection is null || query is null ? null : new PostgresSourceDefinition(location, connection, query);
    }

    /// <summary>What is wrong with a written connection string, without repeating any of its values.</summary>
    private static string? Problem(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return null;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException)
        {
            return $"invalid PostgreSQL connection string: {ConnectionStringValues.Hide(exception.Message, connectionString)}; " +
                "expected keys such as Host=db;Database=app;Username=checker";
        }
    }
}
