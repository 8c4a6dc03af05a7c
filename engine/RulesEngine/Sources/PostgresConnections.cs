using Npgsql;
using RulesEngine.RuleFiles;

namespace RulesEngine.Sources;

/// <summary>
/// Opens a PostgreSQL source's connection inside a read-only transaction, so that a query can never change the data
/// (an UPDATE or a function with side effects fails), and describes failures without the connection's secrets.
/// </summary>
internal static class PostgresConnections
{
    public static string ConnectionString(PostgresSourceDefinition source) =>
        source.Connection.Read() ?? throw new SourceReadException(
            $"The environment variable {source.Connection.Variable}, which should hold the connection string of " +
            $"the postgres source, is not set.");

    public static NpgsqlConnection OpenReadOnly(string connectionString, out NpgsqlTransaction transaction)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            connection.Open();
            transaction = connection.BeginTransaction();
            using var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction);
            readOnly.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>A message for a failure of Npgsql, or null for any other exception.</summary>
    public static string? DescribeFailure(Exception exception, PostgresSourceDefinition source, string connectionString)
    {
        if (exception is not (NpgsqlException or TimeoutException or ArgumentException or FormatException))
        {
            return null;
        }

        var inner = exception.InnerException is { } cause && exception is not PostgresException ? $" ({cause.Message})" : "";
        var message = $"Cannot read {source.Describe()}: {exception.Message}{inner}";
        return Secret(connectionString) is { } secret ? ConnectionStringValues.Hide(message, secret) : message;
    }

    /// <summary>The password; or, for a connection string that does not parse, all of it, as any part may be one.</summary>
    private static string? Secret(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString).Password is { Length: > 0 } password ? password : null;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException)
        {
            return connectionString;
        }
    }
}
