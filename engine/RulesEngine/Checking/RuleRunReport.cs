using RulesEngine.RuleFiles;

namespace RulesEngine.Checking;

/// <summary>What one run of an assertion or model assertion did.</summary>
public sealed record RuleRunReport
{
    public required string Rule { get; init; }

    public required RuleKind Kind { get; init; }

    public required string File { get; init; }

    public required RuleOutcome Outcome { get; init; }

    /// <summary>UTC.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    public required TimeSpan Duration { get; init; }

    /// <summary>For an error: what went wrong, with the rule-file line where the exception was thrown when known.</summary>
    public string? Error { get; init; }

    /// <summary>Records read (model assertions only).</summary>
    public int RecordsChecked { get; init; }

    /// <summary>Records whose check failed (model assertions only).</summary>
    public int RecordsFailed { get; init; }

    public int IssuesOpened { get; init; }

    public int IssuesResolved { get; init; }
}
