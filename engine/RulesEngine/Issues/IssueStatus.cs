namespace RulesEngine.Issues;

/// <summary>Where an issue stands. Only <see cref="Open"/> issues are acted on by responders.</summary>
public enum IssueStatus
{
    Open,
    Resolved,

    /// <summary>Someone decided not to fix it: it is never reopened by a failing check, nor resolved by a passing one.</summary>
    WontFix,
}
