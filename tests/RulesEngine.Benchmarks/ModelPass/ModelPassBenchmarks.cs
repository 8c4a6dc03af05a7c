using BenchmarkDotNet.Attributes;

namespace RulesEngine.Benchmarks.ModelPass;

/// <summary>
/// Measure 4, time: one SQLite model assertion over a million records, 1% failing, through the engine. The first pass
/// starts from an empty store and opens an issue per failing record; the second runs over unchanged data and must
/// change nothing. Peak memory and the store's bytes are measured by <see cref="ModelPassMemoryMeasurement"/>.
/// </summary>
[MemoryDiagnoser]
public class ModelPassBenchmarks
{
    private ModelPassWorkspace workspace = null!;

    [GlobalSetup]
    public void GlobalSetup()
    {
        workspace = new ModelPassWorkspace();
        workspace.OpenOnEmptyStore();
        workspace.VerifyFirst(workspace.Pass());
        workspace.VerifyUnchanged(workspace.Pass());
    }

    [GlobalCleanup]
    public void GlobalCleanup() => workspace.Dispose();

    [IterationSetup(Target = nameof(FirstPass))]
    public void EmptyStore() => workspace.OpenOnEmptyStore();

    [Benchmark(Description = "first pass, opens an issue per failing record")]
    public int FirstPass() => workspace.Pass().IssuesOpened;

    [Benchmark(Description = "pass over unchanged data")]
    public int UnchangedPass() => workspace.Pass().IssuesOpened;
}
