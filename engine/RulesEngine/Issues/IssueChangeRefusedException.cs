namespace RulesEngine.Issues;

/// <summary>
/// A change of an issue's status that the store refused, leaving every issue as it was. The message names the issue,
/// says why and what a person can do instead; the API answers it with 409, the command line with exit 2.
/// </summary>
public abstract class IssueChangeRefusedException : InvalidOperationException
{
    private protected IssueChangeRefusedException(long issueId, string message)
        : base(message)
    {
        IssueId = issueId;
    }

    /// <summary>The issue whose status was to change, and did not.</summary>
    public long IssueId { get; }
}
