namespace RulesEngine.RuleFiles;

/// <summary>
/// The documents of one collection of a LiteDB file, opened read-only and shared so that the application owning
/// the file can keep using it. Needs <c>fields</c>: a collection has no schema.
/// </summary>
/// <param name="Path">The database file, absolute.</param>
public sealed record LiteDbSourceDefinition(SourceLocation Location, string Path, string Collection)
    : SourceDefinition(Location)
{
    public override string Kind => "litedb";

    public override bool NeedsFields => true;

    public override string Describe() => $"litedb:{Path}#{Collection}";
}
