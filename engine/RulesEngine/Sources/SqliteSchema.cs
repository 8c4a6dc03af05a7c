using System.Data;
using Microsoft.Data.Sqlite;
using RulesEngine.RuleFiles;

namespace RulesEngine.Sources;

/// <summary>Reads a query's result columns at load time, so records are typed before any row is read.</summary>
internal static class SqliteSchema
{
    public static SqliteConnection OpenReadOnly(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode != SqliteOpenMode.Memory)
        {
            // Whatever mode the rule asks for: ReadWriteCreate would create an empty database where the operator
            // mistyped a path, and either read-write mode would let a query such as DELETE ... RETURNING change rows.
            builder.Mode = SqliteOpenMode.ReadOnly;
        }

        // A pooled connection keeps the file it opened: once an application replaces the database (a new file
        // moved over the old one), every later pass would read the old file's rows instead of failing or seeing
        // the new ones. A pass opens one connection, so pooling saves nothing worth that.
        builder.Pooling = false;

        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>The query's columns with C# types: value types are nullable unless the column is NOT NULL.</summary>
    public static IReadOnlyList<(string Name, string Type)> ReadFields(SqliteSourceDefinition source)
    {
        using var connection = OpenReadOnly(source.ConnectionString);
        using var command = connection.CreateCommand();
        command.CommandText = source.Query;
        using var reader = command.ExecuteReader(CommandBehavior.SchemaOnly);
        var schema = reader.GetSchemaTable();

        var fields = new List<(string, string)>();
        foreach (DataRow column in schema.Rows)
        {
            var name = (string)column["ColumnName"];
            var declared = column["DataTypeName"] as string ?? "";
            var allowsNull = column["AllowDBNull"] is not false;
            fields.Add((name, ClrType(declared, allowsNull)));
        }

        return fields;
    }

    // SQLite's own affinity rules (https://www.sqlite.org/datatype3.html, section 3.1), with dates and booleans
    // recognised by name because applications declare them so even though SQLite stores them as text or integers.
    private static string ClrType(string declared, bool allowsNull)
    {
        var type = declared.ToUpperInvariant();
        var valueType = type switch
        {
            _ when type.Contains("BOOL") => "bool",
            _ when type.Contains("DATE") || type.Contains("TIME") => "DateTime",
            _ when type.Contains("INT") => "long",
            _ when type.Contains("CHAR") || type.Contains("CLOB") || type.Contains("TEXT") => null,
            _ when type.Contains("BLOB") => "byte[]",
            _ when type.Contains("REAL") || type.Contains("FLOA") || type.Contains("DOUB") => "double",
            _ when type.Contains("DEC") || type.Contains("NUM") => "decimal",
            _ => null,
        };

        return valueType switch
        {
            null => "string?",
            "byte[]" => "byte[]?",
            _ => allowsNull ? valueType + "?" : valueType,
        };
    }
}
