namespace RulesEngine.Issues;

/// <summary>
/// Thrown by <see cref="IssueStore.Reopen"/> and <see cref="IssueStore.MarkWontFix"/> when the change would leave two
/// unresolved (open or won't-fix) issues with one key: "maybe open", checks and responders would then find either of
/// them. The message names the other issue, so a person can work on that one or resolve it first.
/// </summary>
public sealed class IssueConflictException : InvalidOperationException
{
    internal IssueConflictException(Issue issue, string change, Issue unresolved)
        : base($"Issue {issue.Id} cannot be {change}: issue {unresolved.Id} {Describe(issue.Key)} is already " +
            $"{(unresolved.Status == IssueStatus.Open ? "open" : "won't-fix")}, and a key has at most one unresolved " +
            $"issue. Work on issue {unresolved.Id} instead, or resolve it first.")
    {
        IssueId = issue.Id;
        UnresolvedIssueId = unresolved.Id;
    }

    /// <summary>The issue whose status was to change, and did not.</summary>
    public long IssueId { get; }

    /// <summary>The open or won't-fix issue with the same key.</summary>
    public long UnresolvedIssueId { get; }

    private static string Describe(IssueKey key) => key.RecordKey is null
        ? $"with the same name '{key.Name}'"
        : $"with the same name '{key.Name}' and record '{key.RecordKey}'";
}
