namespace RulesEngine.Issues;

/// <summary>
/// Thrown by <see cref="IssueStore.Reopen"/> and <see cref="IssueStore.MarkWontFix"/> when the change would leave two
/// unresolved (open or won't-fix) issues with one key: "maybe open", checks and responders would then find either of
/// them. The message names the other issue, so a person can work on that one or resolve it first (reopening it first
/// when it is won't-fix, since a won't-fix issue is only changed by reopening it).
/// </summary>
public sealed class IssueConflictException : IssueChangeRefusedException
{
    internal IssueConflictException(Issue issue, string change, Issue unresolved)
        : base(issue.Id, $"Issue {issue.Id} cannot be {change}: issue {unresolved.Id} {Describe(issue.Key)} is already " +
            $"{(unresolved.Status == IssueStatus.Open ? "open" : "won't-fix")}, and a key has at most one unresolved " +
            $"issue. Work on issue {unresolved.Id} instead, or {Unblock(unresolved)} first.")
    {
        UnresolvedIssueId = unresolved.Id;
    }

    /// <summary>The open or won't-fix issue with the same key.</summary>
    public long UnresolvedIssueId { get; }

    private static string Describe(IssueKey key) => key.RecordKey is null
        ? $"with the same name '{key.Name}'"
        : $"with the same name '{key.Name}' and record '{key.RecordKey}'";

    private static string Unblock(Issue unresolved) =>
        unresolved.Status == IssueStatus.WontFix ? "reopen it and resolve it" : "resolve it";
}
