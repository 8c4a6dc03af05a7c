using Microsoft.Data.Sqlite;

namespace RulesEngine.RuleFiles;

/// <summary>A SQLite database read with Microsoft.Data.Sqlite; field types come from the query's result columns.</summary>
/// <param name="ConnectionString">As written, with a relative file path made absolute; a bare path becomes one.</param>
public sealed record SqliteSourceDefinition(SourceLocation Location, string ConnectionString, string Query)
    : SourceDefinition(Location)
{
    public override string Kind => "sqlite";

    /// <summary>The database file only: a SQLCipher connection string may hold a password.</summary>
    public override string Describe() => $"sqlite:{new SqliteConnectionStringBuilder(ConnectionString).DataSource}";
}
