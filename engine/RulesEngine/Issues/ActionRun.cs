using System.Text.Json.Nodes;

namespace RulesEngine.Issues;

/// <summary>One run of a responder action on an issue: the history an admin reads.</summary>
public sealed record ActionRun
{
    /// <summary>Identifies this run within its issue, so that its completion can be recorded on the same entry.</summary>
    public required Guid RunId { get; init; }

    /// <summary>The responder's name (its watch pattern when the rule gives no name).</summary>
    public required string Responder { get; init; }

    /// <summary>The action's stable key within its responder, such as <c>0:log</c>; "has this action run" compares keys.</summary>
    public required string Action { get; init; }

    /// <summary>1 for the first attempt; retries count up from there.</summary>
    public int Attempt { get; init; } = 1;

    public required ActionOutcome Outcome { get; init; }

    /// <summary>UTC.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>UTC; null while the run is <see cref="ActionOutcome.Started"/>.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>What the action returned on success, or the error message on failure.</summary>
    public JsonNode? Details { get; init; }
}
