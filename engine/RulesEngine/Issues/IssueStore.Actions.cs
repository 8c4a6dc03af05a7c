using System.Text.Json.Nodes;

namespace RulesEngine.Issues;

/// <summary>The history of responder actions, embedded in each issue's document.</summary>
public sealed partial class IssueStore
{
    /// <summary>Records that an action is about to run on an issue, before it runs; returns the run to complete.</summary>
    /// <exception cref="KeyNotFoundException">There is no issue with the id.</exception>
    public ActionRun StartAction(long issueId, string responder, string action, int attempt)
    {
        lock (_writeLock)
        {
            var issue = GetExisting(issueId);
            var run = new ActionRun
            {
                RunId = Guid.NewGuid(),
                Responder = responder,
                Action = action,
                Attempt = attempt,
                Outcome = ActionOutcome.Started,
                StartedAt = Now(),
            };

            // A run started on an issue that has left Open (between a pass's read and this write) must still be seen
            // by a later pass, to settle it should the process die before it completes.
            var pending = issue.ResponsePending || issue.Status != IssueStatus.Open;
            Save(issue with { Actions = [.. issue.Actions, run], ResponsePending = pending });
            return run;
        }
    }

    /// <summary>
    /// Records that the respond pass has nothing more to do for an issue that left Open: its <c>on_resolve</c> actions
    /// ran and no run is left interrupted. Does nothing when the issue has been reopened or resolved again since
    /// <paramref name="resolvedAt"/> was read, so that a newer resolution is not lost.
    /// </summary>
    /// <returns>Whether the mark was cleared.</returns>
    public bool ClearResponsePending(long issueId, DateTimeOffset? resolvedAt)
    {
        lock (_writeLock)
        {
            var issue = Get(issueId);
            if (issue is not { ResponsePending: true } || issue.Status == IssueStatus.Open || issue.ResolvedAt != resolvedAt)
            {
                return false;
            }

            Save(issue with { ResponsePending = false });
            return true;
        }
    }

    /// <summary>Records how a started run ended, with its completion time.</summary>
    /// <exception cref="KeyNotFoundException">There is no such issue, or no such run on it.</exception>
    public void CompleteAction(long issueId, Guid runId, ActionOutcome outcome, JsonNode? details)
    {
        if (outcome == ActionOutcome.Started)
        {
            throw new ArgumentException("A run completes as Succeeded, Failed or Abandoned, not Started.", nameof(outcome));
        }

        lock (_writeLock)
        {
            var issue = GetExisting(issueId);
            var actions = issue.Actions.ToArray();
            var index = Array.FindIndex(actions, run => run.RunId == runId);
            if (index < 0)
            {
                throw new KeyNotFoundException(
                    $"Issue {issueId} has no action run {runId}; a run is completed on the issue it was started on.");
            }

            actions[index] = actions[index] with { Outcome = outcome, CompletedAt = Now(), Details = details };
            Save(issue with { Actions = actions });
        }
    }

    private Issue GetExisting(long issueId) =>
        Get(issueId) ?? throw new KeyNotFoundException($"There is no issue {issueId} in the store '{Path}'.");
}
