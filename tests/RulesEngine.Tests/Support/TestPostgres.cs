using Npgsql;

namespace RulesEngine.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests run against, from RULES_ENGINE_TEST_POSTGRES. Without it the tests fail, saying how
/// to start one, rather than pass without having checked anything. Each test makes its own tables.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "RULES_ENGINE_TEST_POSTGRES";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException(
                $"{Variable} is not set, and the PostgreSQL source's tests need a real server. As root, start a " +
                $"throwaway one with `eval \"$(.ci/postgres-start)\"` (from the repository's root; `.ci/postgres-stop` " +
                $"removes it), or set {Variable} to an Npgsql connection string of a database the tests may create " +
                "tables in.");

    /// <summary>A table name no other test uses.</summary>
    public static string NewTableName() => "t_" + Guid.NewGuid().ToString("N")[..12];

    public static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public static long Count(string table)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)command.ExecuteScalar()!;
    }
}
