extern alias MicrosoftRules;

using MicrosoftRules::RulesEngine.Models;
using MicrosoftEngine = MicrosoftRules::RulesEngine.RulesEngine;

namespace RulesEngine.Benchmarks.Compilation;

/// <summary>
/// Microsoft RulesEngine building N rules: it compiles a workflow's expressions on the workflow's first execution, so
/// building is constructing the engine and executing once.
/// </summary>
public static class MicrosoftWorkflow
{
    private const string Name = "generated";

    /// <summary>Builds the rules and returns how many held for <see cref="GeneratedRules.Value"/>.</summary>
    public static async Task<int> BuildAndRunOnceAsync(int count)
    {
        var rules = GeneratedRules.MicrosoftRules(count).Select(rule => new Rule
        {
            RuleName = rule.Name,
            RuleExpressionType = RuleExpressionType.LambdaExpression,
            Expression = rule.Expression,
        }).ToList();
        var engine = new MicrosoftEngine([new Workflow { WorkflowName = Name, Rules = rules }]);

        var results = await engine.ExecuteAllRulesAsync(Name, new RuleParameter("input1", new { Value = GeneratedRules.Value }));
        return results.Count(result => result.IsSuccess);
    }
}
