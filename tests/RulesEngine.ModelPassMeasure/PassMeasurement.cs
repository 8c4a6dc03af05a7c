using System.Diagnostics;
using System.Security.Cryptography;
using RulesEngine.Checking;

namespace RulesEngine.ModelPassMeasure;

/// <summary>One check pass: its time, its report, whether the store's files changed, and the managed heap's peak.</summary>
internal sealed record PassMeasurement(
    TimeSpan Elapsed, TimeSpan ProcessorTime, RuleRunReport Report, bool StoreChanged, long PeakManagedBytes)
{
    public static async Task<PassMeasurement> RunAsync(Engine engine, string storePath)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = StoreFingerprint(storePath);

        using var peak = new HeapPeakSampler();
        var processorTime = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var summary = await engine.CheckAsync();
        stopwatch.Stop();
        processorTime = Process.GetCurrentProcess().TotalProcessorTime - processorTime;
        var peakBytes = peak.Stop();

        var report = summary.Rules.Single();
        return new PassMeasurement(stopwatch.Elapsed, processorTime, report, StoreFingerprint(storePath) != before, peakBytes);
    }

    public void Print(string title)
    {
        Console.WriteLine($"{title}: {Elapsed.TotalSeconds:0.00} s ({ProcessorTime.TotalSeconds:0.00} s of CPU), outcome {Report.Outcome}, " +
            $"{Report.RecordsChecked:N0} checked, {Report.RecordsFailed:N0} failing, {Report.IssuesOpened:N0} opened, " +
            $"{Report.IssuesResolved:N0} resolved, store files {(StoreChanged ? "changed" : "unchanged")}, " +
            $"peak managed heap {PeakManagedBytes / (1024.0 * 1024):0} MiB");
        if (Report.Error is not null)
        {
            Console.WriteLine($"  error: {Report.Error}");
        }
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
}
