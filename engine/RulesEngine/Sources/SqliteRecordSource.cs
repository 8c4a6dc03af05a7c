using System.Data;
using Microsoft.Data.Sqlite;

namespace RulesEngine.Sources;

/// <summary>Rows of a query over a SQLite database, opened read-only so a check can never change the data.</summary>
internal sealed class SqliteRecordSource(string connectionString, string query) : RecordSource
{
    public override string Description => $"sqlite:{new SqliteConnectionStringBuilder(connectionString).DataSource}";

    public override IEnumerable<T> ReadRows<T>(string[] fields, Func<IDataRecord, int[], T> bind, CancellationToken cancellationToken) =>
        Guarded(Read(fields, bind, cancellationToken), DescribeFailure);

    private IEnumerable<T> Read<T>(string[] fields, Func<IDataRecord, int[], T> bind, CancellationToken cancellationToken)
    {
        using var connection = SqliteSchema.OpenReadOnly(connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        var ordinals = ColumnOrdinals.Find(reader, fields);

        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return bind(reader, ordinals);
        }
    }

    private string? DescribeFailure(Exception exception) =>
        exception is SqliteException ? $"Cannot read {Description}: {exception.Message}" : null;
}
