using System.Text.RegularExpressions;

namespace RulesEngine.RuleFiles;

/// <summary>A responder: a pattern over issue names and the actions to run on matching open issues.</summary>
public sealed record ResponderDefinition
{
    /// <summary>Unique across all rule files; defaults to the watch pattern. Action history is kept under it.</summary>
    public required string Name { get; init; }

    public required SourceLocation Location { get; init; }

    public string? Description { get; init; }

    /// <summary>The pattern as written: a .NET regular expression matched at the start of the name.</summary>
    public required string Watch { get; init; }

    /// <summary>The compiled pattern, anchored at the start of the name (<c>\A</c>), as Python's <c>re.match</c> is.</summary>
    public required Regex Pattern { get; init; }

    /// <summary>When true, every due action runs again on every respond pass. Default false: once per issue.</summary>
    public bool AllowRetry { get; init; }

    /// <summary>In the order written; each action's key is unique within the responder.</summary>
    public required IReadOnlyList<ActionDefinition> Actions { get; init; }
}
