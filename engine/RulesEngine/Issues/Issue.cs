using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace RulesEngine.Issues;

/// <summary>
/// The record that something is wrong, and of everything done about it. Instances are snapshots read from the
/// <see cref="IssueStore"/>; change an issue through the store.
/// </summary>
public sealed record Issue
{
    /// <summary>Assigned by the store, increasing; stable for the life of the store.</summary>
    public long Id { get; init; }

    public required string Name { get; init; }

    /// <summary>The record a model issue is about; null for other issues.</summary>
    public IssueRecord? Record { get; init; }

    public required IssueStatus Status { get; init; }

    /// <summary>The latest details given when the issue was opened or seen again; any JSON value.</summary>
    public JsonNode? Details { get; init; }

    /// <summary>UTC.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>UTC; the last time a check or a caller reported the issue again while it was open.</summary>
    public required DateTimeOffset LastSeenAt { get; init; }

    /// <summary>UTC; null unless the issue is <see cref="IssueStatus.Resolved"/>.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Why the issue was last resolved (for example "the check passed"); null while it never was.</summary>
    public string? Resolution { get; init; }

    /// <summary>Every run of every action on this issue, oldest first.</summary>
    public IReadOnlyList<ActionRun> Actions { get; init; } = [];

    /// <summary>
    /// True from the moment an issue with action history leaves Open (resolved or won't-fix) until a respond pass has
    /// run its <c>on_resolve</c> actions and settled its interrupted runs. Indexed, so that pass reads these issues
    /// without walking the resolved history. Internal: bookkeeping of the respond pass, not part of the issue.
    /// </summary>
    internal bool ResponsePending { get; init; }

    [JsonIgnore]
    public IssueKey Key => new(Name, Record?.Key);
}
