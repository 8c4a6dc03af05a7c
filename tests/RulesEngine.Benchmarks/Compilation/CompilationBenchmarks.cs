using BenchmarkDotNet.Attributes;
using RulesEngine.Benchmarks.Support;

namespace RulesEngine.Benchmarks.Compilation;

/// <summary>
/// Measure 2: loading N rules from YAML with the compile cache empty and warm, against Microsoft RulesEngine building
/// the same N rules. Each operation is one whole load. The program runs this class twice: in a warmed-up process (the
/// compiler's own code already compiled) and as the first load of a fresh process (<see cref="Program"/>).
/// </summary>
[MemoryDiagnoser]
public class CompilationBenchmarks
{
    private BenchmarkFolder folder = null!;
    private string cache = null!;

    [Params(10, 100, 500)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        folder = new BenchmarkFolder($"compile-{Rules}");
        GeneratedRules.WriteRuleFiles(folder.RulesDirectory, Rules);
        cache = folder.PathOf("compiled");

        // Fills the cache, and checks that both engines load every rule and agree on which hold.
        var rules = EngineRuleLoad.Load(folder.RulesDirectory, cache);
        MismatchException.ThrowIfDifferent($"{Rules} rules: rules loaded by the engine", Rules, rules.Assertions.Count);
        MismatchException.ThrowIfDifferent($"{Rules} rules: holding, engine", GeneratedRules.Holding(Rules), EngineRuleLoad.Holding(rules));
        EngineRuleLoad.Unload(rules);
        MismatchException.ThrowIfDifferent($"{Rules} rules: holding, Microsoft RulesEngine", GeneratedRules.Holding(Rules), MicrosoftBuild().GetAwaiter().GetResult());
    }

    [GlobalCleanup]
    public void GlobalCleanup() => folder.Dispose();

    [Benchmark(Baseline = true, Description = "engine, compile cache empty")]
    public int EngineCompile() => LoadAndUnload(compileCache: null);

    [Benchmark(Description = "engine, compile cache warm")]
    public int EngineWarmCache() => LoadAndUnload(cache);

    [Benchmark(Description = "Microsoft RulesEngine")]
    public Task<int> MicrosoftBuild() => MicrosoftWorkflow.BuildAndRunOnceAsync(Rules);

    private int LoadAndUnload(string? compileCache)
    {
        var rules = EngineRuleLoad.Load(folder.RulesDirectory, compileCache);
        EngineRuleLoad.Unload(rules);
        return rules.Assertions.Count;
    }
}
