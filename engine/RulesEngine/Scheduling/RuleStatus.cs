using RulesEngine.Checking;
using RulesEngine.RuleFiles;

namespace RulesEngine.Scheduling;

/// <summary>A rule's health as the scheduler knows it: what the API and the dashboard show.</summary>
public sealed record RuleStatus
{
    public required string Name { get; init; }

    public required RuleKind Kind { get; init; }

    public required string File { get; init; }

    /// <summary>The cron expression in force (the rule's or the engine's default); null for responders.</summary>
    public string? Schedule { get; init; }

    /// <summary>The time zone the schedule is read in.</summary>
    public string? TimeZone { get; init; }

    /// <summary>UTC; null when the rule never fires again or is a responder.</summary>
    public DateTimeOffset? NextRun { get; init; }

    public bool Running { get; init; }

    /// <summary>The last run's report, with its outcome, duration and error; null before the first run.</summary>
    public RuleRunReport? LastRun { get; init; }

    public long Runs { get; init; }

    public long Failures { get; init; }

    public long Errors { get; init; }

    /// <summary>Occurrences skipped because the previous run of the rule had not finished.</summary>
    public long SkippedOverlaps { get; init; }
}
