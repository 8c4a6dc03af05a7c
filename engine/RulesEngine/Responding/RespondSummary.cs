using RulesEngine.Issues;

namespace RulesEngine.Responding;

/// <summary>What a respond pass did.</summary>
/// <param name="OpenIssues">How many open issues the pass walked.</param>
/// <param name="Actions">Every action run, in the order run.</param>
public sealed record RespondSummary(int OpenIssues, IReadOnlyList<ActionReport> Actions)
{
    public int Succeeded => Actions.Count(action => action.Outcome == ActionOutcome.Succeeded);

    public int Failed => Actions.Count(action => action.Outcome == ActionOutcome.Failed);
}
