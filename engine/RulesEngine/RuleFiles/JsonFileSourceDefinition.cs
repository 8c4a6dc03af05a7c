namespace RulesEngine.RuleFiles;

/// <summary>A file holding a JSON array of objects, or JSON lines (one object per line). Needs <c>fields</c>.</summary>
public sealed record JsonFileSourceDefinition(SourceLocation Location, string Path)
    : SourceDefinition(Location)
{
    public override string Kind => "json";

    public override bool NeedsFields => true;

    public override string Describe() => $"json:{Path}";
}
