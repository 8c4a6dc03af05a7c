using Npgsql;

namespace RulesEngine.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests run against: the one RULES_ENGINE_TEST_POSTGRES names, or else a throwaway cluster
/// started for this test run. When neither can be had the tests fail, saying why, rather than pass without having
/// checked anything. Each test makes its own tables.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "RULES_ENGINE_TEST_POSTGRES";

    private static readonly Lazy<string> Throwaway = new(StartThrowaway, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } connectionString
            ? connectionString
            : Throwaway.Value;

    private static string StartThrowaway()
    {
        try
        {
            return ThrowawayPostgres.Start();
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"{Variable} is not set, and starting a throwaway PostgreSQL 15 cluster failed: {exception.Message} " +
                $"Install PostgreSQL 15 (apt-get install postgresql-15), or set {Variable} to an Npgsql connection " +
                "string of a database the tests may create tables in.", exception);
        }
    }

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
