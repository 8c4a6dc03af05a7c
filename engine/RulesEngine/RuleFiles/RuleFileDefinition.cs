namespace RulesEngine.RuleFiles;

/// <summary>Everything one rule file declares, parsed and validated but not compiled.</summary>
public sealed record RuleFileDefinition
{
    /// <summary>The path as given to the parser; used in every error and diagnostic.</summary>
    public required string Path { get; init; }

    /// <summary>Extra namespaces imported by this file's C#, after the engine's defaults.</summary>
    public IReadOnlyList<string> Usings { get; init; } = [];

    public IReadOnlyList<AssertionDefinition> Assertions { get; init; } = [];

    public IReadOnlyList<ModelAssertionDefinition> ModelAssertions { get; init; } = [];

    public IReadOnlyList<ResponderDefinition> Responders { get; init; } = [];
}
