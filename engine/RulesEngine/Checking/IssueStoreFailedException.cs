namespace RulesEngine.Checking;

/// <summary>
/// The issue store failed while a rule ran: a page LiteDB cannot read, a disk that is full, a store already closed.
/// Thrown by <see cref="StoreCall"/> and caught by the runners, so the rule's report blames the store, never the check
/// or the source that it ran before.
/// </summary>
internal sealed class IssueStoreFailedException : Exception
{
    public IssueStoreFailedException(string problem, Exception inner)
        : base($"the issue store could not be {problem}: {inner.GetType().Name}: {inner.Message}", inner)
    {
    }
}
