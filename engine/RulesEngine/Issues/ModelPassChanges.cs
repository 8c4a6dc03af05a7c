namespace RulesEngine.Issues;

/// <summary>
/// The writes one model assertion pass needs, computed from one read of its unresolved issues: the store applies
/// them in one transaction, so a pass changes either all of its issues or none.
/// </summary>
/// <param name="Open">Failing records with no unresolved issue: each gets a new open issue.</param>
/// <param name="Refresh">Open issues whose record still fails with different details: details and last-seen time are updated.</param>
/// <param name="Resolve">Open issues to resolve, each with the reason (the record passed, or is gone from the source).</param>
public sealed record ModelPassChanges(
    IReadOnlyList<RecordFailure> Open,
    IReadOnlyList<IssueUpdate> Refresh,
    IReadOnlyList<IssueUpdate> Resolve)
{
    public bool IsEmpty => Open.Count == 0 && Refresh.Count == 0 && Resolve.Count == 0;
}
