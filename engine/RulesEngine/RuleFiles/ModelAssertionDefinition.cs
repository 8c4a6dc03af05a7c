namespace RulesEngine.RuleFiles;

/// <summary>
/// A model assertion: a check run over every record of a source, keeping one issue per failing record.
/// </summary>
public sealed record ModelAssertionDefinition : AssertionDefinition
{
    public required SourceDefinition Source { get; init; }

    /// <summary>The record field that identifies a record; issues are kept per (name, key).</summary>
    public required string Key { get; init; }

    public required SourceLocation KeyLocation { get; init; }

    /// <summary>Declared field types (field name to C# type, such as <c>DateTime?</c>), in the order written.</summary>
    public IReadOnlyList<FieldDefinition> Fields { get; init; } = [];
}
