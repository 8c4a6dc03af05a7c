using RulesEngine.RuleFiles;

namespace RulesEngine.Sources;

/// <summary>Makes the run-time reader of a source definition.</summary>
internal static class RecordSources
{
    public static RecordSource? Create(SourceDefinition source) => source switch
    {
        SqliteSourceDefinition sqlite => new SqliteRecordSource(sqlite.ConnectionString, sqlite.Query),
        PostgresSourceDefinition postgres => new PostgresRecordSource(postgres),
        HttpSourceDefinition http => new HttpRecordSource(http),
        JsonFileSourceDefinition json => new JsonFileRecordSource(json.Path),
        LiteDbSourceDefinition liteDb => new LiteDbRecordSource(liteDb),
        CSharpSourceDefinition => null,
        _ => throw new NotSupportedException($"No reader for the source {source.Describe()}."),
    };
}
