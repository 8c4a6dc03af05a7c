using System.Data;
using Npgsql;
using RulesEngine.RuleFiles;

namespace RulesEngine.Sources;

/// <summary>
/// Rows of a query over PostgreSQL, streamed from the server as the pass checks them. The connection string is read
/// at each pass, from the rule or its environment variable.
/// </summary>
internal sealed class PostgresRecordSource(PostgresSourceDefinition source) : RecordSource
{
    public override string Description => source.Describe();

    public override IEnumerable<T> ReadRows<T>(string[] fields, Func<IDataRecord, int[], T> bind, CancellationToken cancellationToken)
    {
        var connectionString = PostgresConnections.ConnectionString(source);
        return Guarded(Read(connectionString, fields, bind, cancellationToken),
            exception => PostgresConnections.DescribeFailure(exception, source, connectionString));
    }

    private IEnumerable<T> Read<T>(string connectionString, string[] fields, Func<IDataRecord, int[], T> bind,
        CancellationToken cancellationToken)
    {
        using var connection = PostgresConnections.OpenReadOnly(connectionString, out var transaction);
        using var command = new NpgsqlCommand(source.Query, connection, transaction) { CommandTimeout = 0 };
        using var reader = command.ExecuteReader();
        var ordinals = ColumnOrdinals.Find(reader, fields);

        // The rule's timeout bounds the query, which may wait on the server before the first row comes back; Npgsql's
        // own command timeout is off, as it would cut a long but healthy result short.
        using var cancel = cancellationToken.Register(command.Cancel);
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return bind(reader, ordinals);
        }
    }
}
