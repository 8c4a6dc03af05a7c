using BenchmarkDotNet.Attributes;
using RulesEngine.Benchmarks.Support;

namespace RulesEngine.Benchmarks.Predicates;

/// <summary>
/// Measure 1: the same predicate over the same typed records, as an engine rule, as a Microsoft RulesEngine rule, and
/// as a lambda compiled with the benchmarks (the limit). Each operation is one evaluation of one record.
/// </summary>
[MemoryDiagnoser]
public class PredicateBenchmarks
{
    private EnginePredicate engine = null!;
    private MicrosoftPredicate microsoft = null!;
    private Func<PredicateInput, DateTime, bool> lambda = null!;

    [ParamsSource(nameof(Predicates))]
    public Predicate Predicate { get; set; } = Predicate.Comparison;

    public static IEnumerable<Predicate> Predicates => Predicate.All;

    [GlobalSetup]
    public void GlobalSetup()
    {
        engine = new EnginePredicate(Predicate);
        microsoft = new MicrosoftPredicate(Predicate);
        lambda = Predicate.Lambda;

        var expected = Lambda();
        MismatchException.ThrowIfDifferent($"{Predicate}: failing records, engine check against the lambda", expected, EngineCheck());
        MismatchException.ThrowIfDifferent($"{Predicate}: failing records, engine pass loop against the lambda", expected, EnginePass());
        MismatchException.ThrowIfDifferent($"{Predicate}: failing records, Microsoft RulesEngine against the lambda", expected, Microsoft().GetAwaiter().GetResult());
        if (expected == 0 || expected == PredicateInputs.Count)
        {
            throw new MismatchException($"{Predicate}: every record gives the same answer, so agreeing proves nothing.");
        }
    }

    [GlobalCleanup]
    public void GlobalCleanup() => engine.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = PredicateInputs.Count, Description = "C# lambda")]
    public int Lambda()
    {
        var now = PredicateInputs.Now;
        var failing = 0;
        foreach (var record in PredicateInputs.Records)
        {
            if (!lambda(record, now))
            {
                failing++;
            }
        }

        return failing;
    }

    [Benchmark(OperationsPerInvoke = PredicateInputs.Count, Description = "engine rule: check")]
    public int EngineCheck() => engine.CountFailingCheckOnly();

    [Benchmark(OperationsPerInvoke = PredicateInputs.Count, Description = "engine rule: key and check, as a pass")]
    public int EnginePass() => engine.CountFailing();

    [Benchmark(OperationsPerInvoke = PredicateInputs.Count, Description = "Microsoft RulesEngine")]
    public Task<int> Microsoft() => microsoft.CountFailingAsync();
}
