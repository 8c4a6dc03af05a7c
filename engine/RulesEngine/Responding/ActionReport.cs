using RulesEngine.Issues;

namespace RulesEngine.Responding;

/// <summary>One action run, or one interrupted run settled, during a respond pass.</summary>
/// <param name="Attempt">1 for a first run; retries count up from there.</param>
/// <param name="RetryAt">For a failure with attempts left, when the next one is due; otherwise null.</param>
public sealed record ActionReport(
    long IssueId,
    string IssueName,
    string? RecordKey,
    string Responder,
    string Action,
    ActionOutcome Outcome,
    string? Error,
    int Attempt = 1,
    DateTimeOffset? RetryAt = null);
