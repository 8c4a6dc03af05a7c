using Npgsql;

namespace RulesEngine.RuleFiles;

/// <summary>
/// A query over a PostgreSQL database, read with Npgsql in a read-only transaction; field types come from the
/// query's result columns unless the rule declares <c>fields</c>.
/// </summary>
/// <param name="Connection">An Npgsql connection string, written or read from an environment variable.</param>
public sealed record PostgresSourceDefinition(SourceLocation Location, SourceSetting Connection, string Query)
    : SourceDefinition(Location)
{
    public override string Kind => "postgres";

    public override IEnumerable<SourceSetting> Settings => [Connection];

    /// <summary>Host, port, database and user only: never the password or any other key of the connection string.</summary>
    public override string Describe() => Connection.Read() is { } connectionString
        ? $"postgres:{Redact(connectionString)}"
        : $"postgres:{Connection}";

    /// <summary>The connection string without any key but host, port, database and user name.</summary>
    public static string Redact(string connectionString)
    {
        try
        {
            var given = new NpgsqlConnectionStringBuilder(connectionString);
            var kept = new NpgsqlConnectionStringBuilder { Host = given.Host, Database = given.Database, Username = given.Username };
            if (given.Port != NpgsqlConnection.DefaultPort)
            {
                kept.Port = given.Port;
            }

            return kept.ConnectionString;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException)
        {
            return "(an invalid connection string)";
        }
    }
}
