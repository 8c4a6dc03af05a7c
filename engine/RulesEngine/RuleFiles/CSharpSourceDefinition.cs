namespace RulesEngine.RuleFiles;

/// <summary>A C# expression returning a sequence; the record type is the sequence's element type.</summary>
public sealed record CSharpSourceDefinition(SourceLocation Location, CodeSnippet Expression)
    : SourceDefinition(Location)
{
    public override string Kind => "csharp";

    public override string Describe() => "csharp";
}
