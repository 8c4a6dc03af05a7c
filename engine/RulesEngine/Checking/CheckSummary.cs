namespace RulesEngine.Checking;

/// <summary>What a check pass over every assertion and model assertion did.</summary>
public sealed record CheckSummary(IReadOnlyList<RuleRunReport> Rules)
{
    public int Passed => Rules.Count(rule => rule.Outcome == RuleOutcome.Passed);

    public int Failed => Rules.Count(rule => rule.Outcome == RuleOutcome.Failed);

    public int Errors => Rules.Count(rule => rule.Outcome == RuleOutcome.Error);
}
