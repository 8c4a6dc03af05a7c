using RulesEngine.Issues;
using RulesEngine.Loading;

namespace RulesEngine.Checking;

/// <summary>Runs every assertion and model assertion of a rule set once, each independently of the others.</summary>
public sealed class CheckPass(IssueStore store, EngineOptions options)
{
    private readonly AssertionRunner assertions = new(store, options);
    private readonly ModelAssertionRunner modelAssertions = new(store, options);

    public async Task<CheckSummary> RunAsync(RuleSet rules, CancellationToken cancellationToken = default)
    {
        var reports = new List<RuleRunReport>();
        foreach (var assertion in rules.Assertions)
        {
            reports.Add(await assertions.RunAsync(assertion, cancellationToken).ConfigureAwait(false));
        }

        foreach (var rule in rules.ModelAssertions)
        {
            reports.Add(await modelAssertions.RunAsync(rule, cancellationToken).ConfigureAwait(false));
        }

        return new CheckSummary(reports);
    }
}
