namespace RulesEngine.RuleFiles;

/// <summary>Where a model assertion's records come from: the <c>source</c> map of the rule.</summary>
public abstract record SourceDefinition(SourceLocation Location)
{
    /// <summary>A description for issues and logs, without secrets (no connection string passwords).</summary>
    public abstract string Describe();
}

/// <summary>A SQLite database read with Microsoft.Data.Sqlite; field types come from the query's result columns.</summary>
/// <param name="ConnectionString">As written; a bare file path is accepted too.</param>
public sealed record SqliteSourceDefinition(SourceLocation Location, string ConnectionString, string Query)
    : SourceDefinition(Location)
{
    public override string Describe() => $"sqlite:{ConnectionString}";
}

/// <summary>A file holding a JSON array of objects, or JSON lines (one object per line). Needs <c>fields</c>.</summary>
public sealed record JsonFileSourceDefinition(SourceLocation Location, string Path)
    : SourceDefinition(Location)
{
    public override string Describe() => $"json:{Path}";
}

/// <summary>A C# expression returning a sequence; the record type is the sequence's element type.</summary>
public sealed record CSharpSourceDefinition(SourceLocation Location, CodeSnippet Expression)
    : SourceDefinition(Location)
{
    public override string Describe() => "csharp";
}
