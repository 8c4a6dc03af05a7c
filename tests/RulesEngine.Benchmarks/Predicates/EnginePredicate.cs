using Microsoft.Extensions.Logging.Abstractions;
using RulesEngine.Benchmarks.Support;
using RulesEngine.Compilation;
using RulesEngine.Issues;
using RulesEngine.Loading;
using RulesEngine.Scripting;

namespace RulesEngine.Benchmarks.Predicates;

/// <summary>
/// A predicate as the engine runs it: a model assertion compiled from its YAML by the engine's own loader, its records
/// checked the way a pass checks them (record set, key selector and check per record), without the store's work.
/// </summary>
public sealed class EnginePredicate : IDisposable
{
    private readonly BenchmarkFolder folder = new("predicate");
    private readonly IssueStore store;
    private readonly RuleSet rules;
    private readonly CompiledModelAssertion rule;
    private readonly ScriptContext context;

    public EnginePredicate(Predicate predicate)
    {
        folder.WriteRules("predicate.yaml", predicate.RuleFile);
        rules = new RuleSetLoader(new RuleCompiler()).Load(folder.RulesDirectory);
        if (rules.Errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, rules.Errors));
        }

        rule = rules.ModelAssertions.Single();
        store = IssueStore.Open(folder.StorePath);
        context = new ScriptContext(PredicateInputs.Now, NullLogger.Instance, new IssueReader(store), CancellationToken.None);
    }

    /// <summary>
    /// Checks every record once as a pass does (the record set's loop, the key selector and the check, each call
    /// guarded); returns how many failed.
    /// </summary>
    public int CountFailing()
    {
        var failing = 0;
        foreach (var verdict in CreateRecordSet().Check())
        {
            if (verdict.Error is not null)
            {
                throw verdict.Error;
            }

            if (!verdict.Result.Ok)
            {
                failing++;
            }
        }

        return failing;
    }

    /// <summary>Calls the compiled check alone on every record; returns how many failed.</summary>
    public int CountFailingCheckOnly()
    {
        var check = ((RecordSet<PredicateInput>)CreateRecordSet()).CheckOne;
        var failing = 0;
        foreach (var record in PredicateInputs.Records)
        {
            if (!check(record).Ok)
            {
                failing++;
            }
        }

        return failing;
    }

    private RecordSet CreateRecordSet()
    {
        var script = rule.Create();
        script.Attach(context, rule.Source);
        return script.CreateRecordSet();
    }

    public void Dispose()
    {
        foreach (var file in rules.Files)
        {
            file.Unload();
        }

        store.Dispose();
        folder.Dispose();
    }
}
