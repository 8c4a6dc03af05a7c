using RulesEngine.Issues;

namespace RulesEngine.Responding;

/// <summary>What a respond pass did.</summary>
/// <param name="OpenIssues">How many open issues the pass walked.</param>
/// <param name="Actions">Every action run (and interrupted run settled), by issue, in the order run on each issue.</param>
/// <param name="ClosedIssues">How many resolved or won't-fix issues the pass walked for on_resolve actions and interrupted runs.</param>
public sealed record RespondSummary(int OpenIssues, IReadOnlyList<ActionReport> Actions, int ClosedIssues = 0)
{
    public int Succeeded => Actions.Count(action => action.Outcome == ActionOutcome.Succeeded);

    public int Failed => Actions.Count(action => action.Outcome == ActionOutcome.Failed);

    /// <summary>Interrupted runs recorded as abandoned: actions that may or may not have taken effect.</summary>
    public int Abandoned => Actions.Count(action => action.Outcome == ActionOutcome.Abandoned);
}
