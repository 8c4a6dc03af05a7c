using BenchmarkDotNet.Attributes;

namespace RulesEngine.Benchmarks.Responding;

/// <summary>
/// Measure 5: one respond pass over 100,000 open issues against 50 responders, with nothing due, and with 1% of the
/// issues due for an action (which runs and is recorded on each). Each operation is one pass, on a fresh copy of
/// the store.
/// </summary>
[MemoryDiagnoser]
public class RespondBenchmarks
{
    private RespondWorkspace workspace = null!;

    [Params(false, true)]
    public bool Due { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        workspace = new RespondWorkspace(Due);
        workspace.OpenFreshCopy();
        workspace.Verify(workspace.Respond());
    }

    [GlobalCleanup]
    public void GlobalCleanup() => workspace.Dispose();

    [IterationSetup]
    public void FreshCopy() => workspace.OpenFreshCopy();

    [Benchmark(Description = "respond pass, 100,000 open issues, 50 responders")]
    public int Respond() => workspace.Respond().Actions.Count;
}
