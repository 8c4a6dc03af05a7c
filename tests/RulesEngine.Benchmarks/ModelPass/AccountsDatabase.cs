using Microsoft.Data.Sqlite;

namespace RulesEngine.Benchmarks.ModelPass;

/// <summary>A table of accounts, one in a hundred with a negative balance: those fail the rule's check.</summary>
public static class AccountsDatabase
{
    /// <summary>
    /// The database of <paramref name="records"/> accounts, built on first use and kept in the temp folder for later
    /// runs (building a million rows takes a few seconds). Built under another name and renamed, so an interrupted
    /// build is never taken for a finished one.
    /// </summary>
    public static string Shared(int records)
    {
        var folder = Path.Combine(Path.GetTempPath(), "rules-engine-benchmarks");
        var path = Path.Combine(folder, $"accounts-{records}.db");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(folder);
            var building = $"{path}.{Environment.ProcessId}.building";
            Build(building, records);
            SqliteConnection.ClearAllPools();
            File.Move(building, path, overwrite: true);
        }

        return path;
    }

    /// <summary>How many accounts fail the rule's check, counted by SQLite itself.</summary>
    public static long Overdrawn(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM account WHERE balance < 0";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The rule file of the model assertion over the database at <paramref name="path"/>.</summary>
    public static string RuleFile(string path) => $$"""
        model_assertions:
          - name: account overdrawn
            source:
              sqlite: "{{path}}"
              query: SELECT id, email, balance, opened_at, closed_at FROM account
            key: id
            check: |
              var open = record.closed_at is null || record.closed_at > record.opened_at;
              return (record.balance >= 0 || !open, new { record.email, record.balance });
        """;

    private static void Build(string path, int records)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        Execute(connection, """
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE account (
                id INTEGER PRIMARY KEY,
                email TEXT NOT NULL,
                balance REAL NOT NULL,
                opened_at DATETIME NOT NULL,
                closed_at DATETIME
            );
            """);

        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO account VALUES ($id, $email, $balance, $opened, $closed)";
        var id = insert.Parameters.Add("$id", SqliteType.Integer);
        var email = insert.Parameters.Add("$email", SqliteType.Text);
        var balance = insert.Parameters.Add("$balance", SqliteType.Real);
        var opened = insert.Parameters.Add("$opened", SqliteType.Text);
        var closed = insert.Parameters.Add("$closed", SqliteType.Text);
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 1; i <= records; i++)
        {
            id.Value = i;
            email.Value = $"user{i}@example.com";
            balance.Value = i % 100 == 0 ? -1.5 * (i % 7 + 1) : 10.0 + i % 1000;
            opened.Value = start.AddMinutes(i).ToString("yyyy-MM-dd HH:mm:ss");
            closed.Value = i % 10 == 0 ? start.AddMinutes(i).AddDays(30).ToString("yyyy-MM-dd HH:mm:ss") : DBNull.Value;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
