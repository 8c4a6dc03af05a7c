using System.Data;
using Microsoft.Data.Sqlite;

namespace RulesEngine.Sources;

/// <summary>Rows of a query over a SQLite database, opened read-only so a check can never change the data.</summary>
internal sealed class SqliteRecordSource(string connectionString, string query) : RecordSource
{
    public override string Description => $"sqlite:{new SqliteConnectionStringBuilder(connectionString).DataSource}";

    public override IEnumerable<T> ReadRows<T>(string[] fields, Func<IDataRecord, int[], T> bind, CancellationToken cancellationToken)
    {
        using var connection = SqliteSchema.OpenReadOnly(connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        var ordinals = Ordinals(reader, fields);

        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return bind(reader, ordinals);
        }
    }

    private static int[] Ordinals(SqliteDataReader reader, string[] fields)
    {
        var ordinals = new int[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            try
            {
                ordinals[i] = reader.GetOrdinal(fields[i]);
            }
            catch (ArgumentOutOfRangeException exception)
            {
                throw new SourceReadException($"The query's result has no column '{fields[i]}', a field the rule declares.", exception);
            }
        }

        return ordinals;
    }
}
