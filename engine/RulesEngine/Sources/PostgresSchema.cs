using System.Data;
using Npgsql;
using RulesEngine.RuleFiles;

namespace RulesEngine.Sources;

/// <summary>
/// Reads a PostgreSQL query's result columns at load time, without running the query, so records are typed before
/// any row is read. A column is nullable unless PostgreSQL knows it comes from a NOT NULL table column.
/// </summary>
internal static class PostgresSchema
{
    private static readonly Dictionary<Type, string> CSharpNames = new()
    {
        [typeof(bool)] = "bool",
        [typeof(short)] = "short",
        [typeof(int)] = "int",
        [typeof(long)] = "long",
        [typeof(float)] = "float",
        [typeof(double)] = "double",
        [typeof(decimal)] = "decimal",
        [typeof(string)] = "string",
        [typeof(char)] = "char",
        [typeof(DateTime)] = "DateTime",
        [typeof(DateTimeOffset)] = "DateTimeOffset",
        [typeof(TimeSpan)] = "TimeSpan",
        [typeof(Guid)] = "Guid",
        [typeof(byte[])] = "byte[]",
    };

    /// <exception cref="SourceReadException">The server cannot be reached, the query is not valid, or a column's
    /// type has no C# equivalent a record can hold.</exception>
    public static IReadOnlyList<(string Name, string Type)> ReadFields(PostgresSourceDefinition source)
    {
        var connectionString = PostgresConnections.ConnectionString(source);
        try
        {
            using var connection = PostgresConnections.OpenReadOnly(connectionString, out var transaction);
            using var command = new NpgsqlCommand(source.Query, connection, transaction);
            using var reader = command.ExecuteReader(CommandBehavior.SchemaOnly | CommandBehavior.KeyInfo);
            return reader.GetColumnSchema().Select(column => (column.ColumnName, CSharpType(column))).ToList();
        }
        catch (Exception exception) when (PostgresConnections.DescribeFailure(exception, source, connectionString) is { } message)
        {
            throw new SourceReadException(message, exception);
        }
    }

    private static string CSharpType(Npgsql.Schema.NpgsqlDbColumn column)
    {
        var type = column.DataType is { } clrType && CSharpNames.TryGetValue(clrType, out var name)
            ? name
            : throw new SourceReadException(
                $"the column '{column.ColumnName}' has the PostgreSQL type {column.DataTypeName}, which a record field " +
                $"cannot hold; cast it in the query, such as {column.ColumnName}::text");
        var isReference = column.DataType == typeof(string) || column.DataType == typeof(byte[]);
        return isReference || column.AllowDBNull is not false ? type + "?" : type;
    }
}
