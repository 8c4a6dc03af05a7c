using System.Diagnostics;
using System.Security.Cryptography;
using RulesEngine.Benchmarks.Support;
using RulesEngine.Checking;

namespace RulesEngine.Benchmarks.ModelPass;

/// <summary>
/// Measure 4, memory and writes: the first pass and a pass over unchanged data, each with the managed heap's peak
/// (sampled, and as each collection saw it) and whether the store's files changed byte for byte.
/// </summary>
public static class ModelPassMemoryMeasurement
{
    public static MeasurementTable Run()
    {
        using var workspace = new ModelPassWorkspace();
        workspace.OpenOnEmptyStore();

        var first = Measure(workspace);
        workspace.VerifyFirst(first.Report);
        var unchanged = Measure(workspace);
        workspace.VerifyUnchanged(unchanged.Report);

        return new MeasurementTable(
            "A model assertion pass over 1,000,000 SQLite records, 1% failing",
            $"Peak managed heap is the largest heap size sampled every 2 ms or seen by a collection during the pass. " +
            $"Store files are compared byte for byte before and after the pass. {Figures.Count(workspace.Failing)} of " +
            "the records fail, as SQLite counts them.",
            ["pass", "time", "CPU time", "issues opened", "issues resolved", "store files", "peak managed heap"],
            [first.Row("first (empty store)"), unchanged.Row("over unchanged data")]);
    }

    private static Pass Measure(ModelPassWorkspace workspace)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = StoreFingerprint(workspace.StorePath);

        using var process = Process.GetCurrentProcess();
        var processorTime = process.TotalProcessorTime;
        using var peak = new HeapPeakSampler();
        var stopwatch = Stopwatch.StartNew();
        var report = workspace.Pass();
        stopwatch.Stop();
        var peakBytes = peak.Stop();
        process.Refresh();

        return new Pass(report, stopwatch.Elapsed, process.TotalProcessorTime - processorTime,
            StoreFingerprint(workspace.StorePath) != before, peakBytes);
    }

    /// <summary>A hash of the store and its write-ahead log: any write of the pass changes one of them.</summary>
    private static string StoreFingerprint(string storePath)
    {
        var logPath = Path.Combine(Path.GetDirectoryName(storePath)!, Path.GetFileNameWithoutExtension(storePath) + "-log.db");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in new[] { storePath, logPath }.Where(File.Exists))
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            hash.AppendData(SHA256.HashData(file));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private sealed record Pass(RuleRunReport Report, TimeSpan Elapsed, TimeSpan ProcessorTime, bool StoreChanged, long PeakBytes)
    {
        public IReadOnlyList<string> Row(string name) =>
        [
            name, Figures.Seconds(Elapsed), Figures.Seconds(ProcessorTime), Figures.Count(Report.IssuesOpened),
            Figures.Count(Report.IssuesResolved), StoreChanged ? "written" : "unchanged", Figures.MiB(PeakBytes),
        ];
    }
}
