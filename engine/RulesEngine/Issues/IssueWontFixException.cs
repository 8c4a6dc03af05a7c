namespace RulesEngine.Issues;

/// <summary>
/// Thrown by <see cref="IssueStore.Resolve(long, string)"/> for a won't-fix issue: a person decided it is not a
/// problem, and only reopening it changes that (behaviour 4 of docs/semantics.md). Resolving it would otherwise do
/// nothing and look as if it had worked.
/// </summary>
public sealed class IssueWontFixException : IssueChangeRefusedException
{
    internal IssueWontFixException(long issueId)
        : base(issueId, $"Issue {issueId} is won't-fix; reopen it to change it.")
    {
    }
}
