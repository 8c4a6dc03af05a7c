extern alias MicrosoftRules;

using MicrosoftRules::RulesEngine.Models;
using MicrosoftEngine = MicrosoftRules::RulesEngine.RulesEngine;

namespace RulesEngine.Benchmarks.Predicates;

/// <summary>
/// A predicate as Microsoft RulesEngine 6.0.1 runs it: one workflow with one rule, its expression compiled by the
/// engine on first use and cached, evaluated per record with the record and the clock as rule parameters.
/// </summary>
public sealed class MicrosoftPredicate
{
    private const string Workflow = "benchmark";
    private readonly MicrosoftEngine engine;

    public MicrosoftPredicate(Predicate predicate)
    {
        var rule = new Rule
        {
            RuleName = predicate.Name,
            RuleExpressionType = RuleExpressionType.LambdaExpression,
            Expression = predicate.MicrosoftExpression,
        };
        engine = new MicrosoftEngine([new Workflow { WorkflowName = Workflow, Rules = [rule] }]);
    }

    /// <summary>Evaluates every record once; returns how many failed.</summary>
    public async Task<int> CountFailingAsync()
    {
        var now = new RuleParameter("now", PredicateInputs.Now);
        var failing = 0;
        foreach (var record in PredicateInputs.Records)
        {
            var results = await engine.ExecuteAllRulesAsync(Workflow, new RuleParameter("input1", record), now);
            var result = results[0];
            if (result.ExceptionMessage is { Length: > 0 } message)
            {
                throw new InvalidOperationException($"Microsoft RulesEngine failed on record {record.Id}: {message}");
            }

            if (!result.IsSuccess)
            {
                failing++;
            }
        }

        return failing;
    }
}
