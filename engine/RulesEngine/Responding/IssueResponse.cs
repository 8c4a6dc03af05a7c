using RulesEngine.Compilation;
using RulesEngine.Issues;

namespace RulesEngine.Responding;

/// <summary>
/// Responds to one issue: on an open issue, each matching responder's due actions, in order of delay; on a resolved
/// one, the <c>on_resolve</c> actions of the responders that acted on it. Runs left started by a dead process are
/// settled first. The actions of one issue run one after another, so its history reads in the order things happened.
/// </summary>
internal sealed class IssueResponse(IssueStore store, ActionRunner runner, InterruptedRun interrupted, RetryBackoff backoff)
{
    private const string NoLongerOpen = "the issue is no longer open";
    private const string NoLongerResolved = "the issue is no longer resolved";

    public async Task<IReadOnlyList<ActionReport>> RespondAsync(Issue issue, IReadOnlyList<CompiledResponder> responders,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reports = new List<ActionReport>();
        foreach (var responder in responders)
        {
            if (issue.Status == IssueStatus.Open)
            {
                SettleInterrupted(issue, responder, responder.OnResolve, NoLongerResolved, reports);
                await RunDueAsync(issue, responder, responder.Actions, issue.CreatedAt, now, reports, cancellationToken)
                    .ConfigureAwait(false);
                continue;
            }

            SettleInterrupted(issue, responder, responder.Actions, NoLongerOpen, reports);
            if (issue is { Status: IssueStatus.Resolved, ResolvedAt: { } resolvedAt } && ActedOn(issue, responder))
            {
                await RunDueAsync(issue, responder, responder.OnResolve, resolvedAt, now, reports, cancellationToken)
                    .ConfigureAwait(false);
            }
            else
            {
                SettleInterrupted(issue, responder, responder.OnResolve, NoLongerResolved, reports);
            }
        }

        if (issue.Status != IssueStatus.Open && issue.ResponsePending)
        {
            ClearWhenSettled(issue.Id, responders);
        }

        return reports;
    }

    /// <summary>
    /// Whether the responder acted on the issue: one of its actions on open issues succeeded. Its on_resolve actions
    /// tell of the resolution only those who were told of the issue.
    /// </summary>
    private static bool ActedOn(Issue issue, CompiledResponder responder) =>
        issue.Actions.Any(run => run.Responder == responder.Name && run.Outcome == ActionOutcome.Succeeded
            && responder.Actions.Any(action => action.Key == run.Action));

    private static ActionRun? LastRun(Issue issue, CompiledResponder responder, CompiledAction action) =>
        issue.Actions.LastOrDefault(run => run.Responder == responder.Name && run.Action == action.Key);

    private async Task RunDueAsync(Issue issue, CompiledResponder responder, IReadOnlyList<CompiledAction> actions,
        DateTimeOffset start, DateTimeOffset now, List<ActionReport> reports, CancellationToken cancellationToken)
    {
        var everyPass = responder.Definition.AllowRetry && issue.Status == IssueStatus.Open;
        var due = new List<(CompiledAction Action, int Attempt)>();
        foreach (var action in actions)
        {
            var last = LastRun(issue, responder, action);
            if (last is { Outcome: ActionOutcome.Started })
            {
                if (interrupted.Settle(issue, responder, action, last, null, reports) is { } attempt)
                {
                    due.Add((action, attempt));
                }
            }
            else if (ActionSchedule.Next(action.Definition, last, start, everyPass, backoff) is var next && next.IsDue(now))
            {
                due.Add((action, next.Attempt));
            }
        }

        // Behaviour 17 of docs/semantics.md: due actions run in order of delay (a stable sort keeps the written order otherwise).
        foreach (var (action, attempt) in due.OrderBy(entry => entry.Action.Definition.Delay))
        {
            cancellationToken.ThrowIfCancellationRequested();
            reports.Add(await runner.RunAsync(issue, responder, action, attempt, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>Settles the interrupted runs of actions that may not run on the issue as it now is.</summary>
    private void SettleInterrupted(Issue issue, CompiledResponder responder, IReadOnlyList<CompiledAction> actions,
        string reason, List<ActionReport> reports)
    {
        foreach (var action in actions)
        {
            if (LastRun(issue, responder, action) is { Outcome: ActionOutcome.Started } run)
            {
                interrupted.Settle(issue, responder, action, run, reason, reports);
            }
        }
    }

    /// <summary>
    /// Takes the issue off the respond pass's list once nothing is left to do: no on_resolve action waits for its
    /// delay or a retry, and no run is left started. Read again, as the pass has just written to it.
    /// </summary>
    private void ClearWhenSettled(long issueId, IReadOnlyList<CompiledResponder> responders)
    {
        if (store.Get(issueId) is not { } issue || issue.Status == IssueStatus.Open)
        {
            return;
        }

        var waiting = responders.Any(responder =>
            responder.Actions.Concat(responder.OnResolve)
                .Any(action => LastRun(issue, responder, action) is { Outcome: ActionOutcome.Started })
            || (issue is { Status: IssueStatus.Resolved, ResolvedAt: { } resolvedAt } && ActedOn(issue, responder)
                && responder.OnResolve.Any(action => ActionSchedule
                    .Next(action.Definition, LastRun(issue, responder, action), resolvedAt, everyPass: false, backoff)
                    .IsPending)));
        if (!waiting)
        {
            store.ClearResponsePending(issue.Id, issue.ResolvedAt);
        }
    }
}
