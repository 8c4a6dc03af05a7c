using RulesEngine.Issues;
using RulesEngine.Loading;

namespace RulesEngine.Checking;

/// <summary>Runs every assertion and model assertion of a rule set once, each independently of the others.</summary>
public sealed class CheckPass(IssueStore store, EngineOptions options)
{
    private readonly AssertionRunner assertions = new(store, options);
    private readonly ModelAssertionRunner modelAssertions = new(store, options);

    /// <param name="ran">Told of each rule's report as soon as the rule has run, so a person sees progress.</param>
    public async Task<CheckSummary> RunAsync(RuleSet rules, CancellationToken cancellationToken = default,
        Action<RuleRunReport>? ran = null)
    {
        var reports = new List<RuleRunReport>();
        foreach (var assertion in rules.Assertions)
        {
            reports.Add(Told(await assertions.RunAsync(assertion, cancellationToken).ConfigureAwait(false), ran));
        }

        foreach (var rule in rules.ModelAssertions)
        {
            reports.Add(Told(await modelAssertions.RunAsync(rule, cancellationToken).ConfigureAwait(false), ran));
        }

        return new CheckSummary(reports);
    }

    private static RuleRunReport Told(RuleRunReport report, Action<RuleRunReport>? ran)
    {
        ran?.Invoke(report);
        return report;
    }
}
