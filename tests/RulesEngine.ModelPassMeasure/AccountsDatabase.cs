using Microsoft.Data.Sqlite;

namespace RulesEngine.ModelPassMeasure;

/// <summary>A table of accounts, one in a hundred with a negative balance: those fail the rule's check.</summary>
internal static class AccountsDatabase
{
    public static void Build(string path, int records)
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
