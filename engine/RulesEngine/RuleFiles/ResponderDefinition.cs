using System.Text.RegularExpressions;

namespace RulesEngine.RuleFiles;

/// <summary>A responder: a pattern over issue names and the actions to run on matching open issues.</summary>
public sealed record ResponderDefinition
{
    /// <summary>
    /// Unique across all rule files; defaults to the watch pattern, which must then keep the rules of names (at most
    /// 256 bytes, one line). Action history is kept under it.
    /// </summary>
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

    /// <summary>
    /// Run once when an issue this responder acted on (one of its actions succeeded) is resolved. Their keys are
    /// unique among all the responder's actions. Default none.
    /// </summary>
    public IReadOnlyList<ActionDefinition> OnResolve { get; init; } = [];

    /// <summary>What to do with a run that was started but never completed, because the engine stopped. Default retry.</summary>
    public CrashPolicy OnCrash { get; init; } = CrashPolicy.Retry;

    /// <summary>Every action, those on open issues first and then the <see cref="OnResolve"/> ones, as compiled.</summary>
    public IEnumerable<ActionDefinition> AllActions => Actions.Concat(OnResolve);
}
