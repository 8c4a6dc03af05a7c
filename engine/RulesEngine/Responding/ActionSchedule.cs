using RulesEngine.Issues;
using RulesEngine.RuleFiles;

namespace RulesEngine.Responding;

/// <summary>
/// Decides from an action's history on an issue when it runs next. A first run is due at the start time (the
/// issue's creation, or its resolution for an <c>on_resolve</c> action) plus the action's delay. A failed attempt is
/// retried after its backoff while attempts remain. Once it succeeded or gave up, it runs again only with
/// <c>repeat</c>, that long after its last run. With allow_retry it is due on every pass.
/// </summary>
internal static class ActionSchedule
{
    /// <param name="last">The action's last run on the issue, which is not a started one; null when it never ran.</param>
    /// <param name="everyPass">The responder's allow_retry (behaviour 18 of docs/semantics.md).</param>
    public static NextRun Next(ActionDefinition action, ActionRun? last, DateTimeOffset start, bool everyPass,
        RetryBackoff backoff)
    {
        if (last is null || everyPass)
        {
            return new NextRun(start + action.Delay, 1);
        }

        var ended = last.CompletedAt ?? last.StartedAt;
        if (last.Outcome == ActionOutcome.Failed && last.Attempt <= action.Retries)
        {
            return new NextRun(ended + backoff.After(last.Attempt, action.RetryDelay), last.Attempt + 1);
        }

        return action.Repeat is { } repeat ? new NextRun(ended + repeat, 1) : NextRun.Never;
    }

    /// <summary>Whether a run's failure still leaves the action attempts, counting it as the run's attempt.</summary>
    public static bool HasAttemptsLeft(ActionDefinition action, int failedAttempt) => failedAttempt <= action.Retries;
}
