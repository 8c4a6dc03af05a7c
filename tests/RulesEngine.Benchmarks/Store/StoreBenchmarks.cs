using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using RulesEngine.Benchmarks.Support;
using RulesEngine.Issues;

namespace RulesEngine.Benchmarks.Store;

/// <summary>
/// Measure 6: 10,000 issues opened one by one through the store's API (each its own write, as assertions and the
/// HTTP API make them), the same 10,000 reported again while open, and all resolved one by one. Each operation is
/// one issue; every iteration starts from an empty store, or from one holding the 10,000 open issues.
/// </summary>
[MemoryDiagnoser]
public class StoreBenchmarks
{
    public const int Count = 10_000;

    private static readonly IssueKey[] Keys = Enumerable.Range(0, Count).Select(i => new IssueKey($"check {i} failed")).ToArray();

    private BenchmarkFolder folder = null!;
    private IssueStore store = null!;

    [GlobalSetup]
    public void GlobalSetup()
    {
        folder = new BenchmarkFolder("store");
        EmptyStore();
        Open();
        MismatchException.ThrowIfDifferent("open issues after opening", Count, store.Count(IssueStatus.Open));
        MismatchException.ThrowIfDifferent("issues created when reported again", 0, OpenAgain());
        MismatchException.ThrowIfDifferent("open issues after reporting again", Count, store.Count(IssueStatus.Open));
        MismatchException.ThrowIfDifferent("issues resolved", Count, Resolve());
        MismatchException.ThrowIfDifferent("open issues after resolving", 0, store.Count(IssueStatus.Open));
    }

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        store.Dispose();
        folder.Dispose();
    }

    [IterationSetup(Target = nameof(Open))]
    public void EmptyStore()
    {
        store?.Dispose();
        foreach (var file in Directory.Exists(Path.GetDirectoryName(folder.StorePath)) ? Directory.GetFiles(Path.GetDirectoryName(folder.StorePath)!) : [])
        {
            File.Delete(file);
        }

        store = IssueStore.Open(folder.StorePath);
    }

    [IterationSetup(Targets = [nameof(OpenAgain), nameof(Resolve)])]
    public void StoreWithOpenIssues()
    {
        EmptyStore();
        Open();
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "open an issue")]
    public int Open() => MaybeOpenAll();

    [Benchmark(OperationsPerInvoke = Count, Description = "report an open issue again (new details)")]
    public int OpenAgain() => MaybeOpenAll();

    [Benchmark(OperationsPerInvoke = Count, Description = "resolve an issue")]
    public int Resolve()
    {
        var resolved = 0;
        foreach (var key in Keys)
        {
            resolved += store.Resolve(key, "the check passed").Count;
        }

        return resolved;
    }

    /// <summary>Maybe-opens every key; returns how many issues were created.</summary>
    private int MaybeOpenAll()
    {
        var created = 0;
        foreach (var key in Keys)
        {
            if (store.MaybeOpen(key, Details(key)).Disposition == OpenDisposition.Created)
            {
                created++;
            }
        }

        return created;
    }

    private static JsonNode Details(IssueKey key) => new JsonObject { ["name"] = key.Name, ["free_percent"] = 3.5 };
}
