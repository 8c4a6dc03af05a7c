using RulesEngine.Issues;

namespace RulesEngine.Responding;

/// <summary>One action run during a respond pass.</summary>
public sealed record ActionReport(long IssueId, string IssueName, string? RecordKey, string Responder, string Action, ActionOutcome Outcome, string? Error);
