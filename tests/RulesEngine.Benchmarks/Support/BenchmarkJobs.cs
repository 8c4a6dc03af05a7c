using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;

namespace RulesEngine.Benchmarks.Support;

/// <summary>
/// The BenchmarkDotNet configuration of a short or a full run. Light suites (nanoseconds to a second per operation)
/// use BenchmarkDotNet's own short or default job; heavy ones (seconds per operation, a fresh store before each)
/// run one operation per iteration, few iterations.
/// </summary>
public static class BenchmarkJobs
{
    public static IConfig For(Part part, bool full, string artifacts)
    {
        var job = part.Heavy
            ? Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(full ? 10 : 3)
            : full ? Job.Default : Job.ShortRun;

        return ManualConfig.CreateEmpty()
            .AddColumnProvider(DefaultConfig.Instance.GetColumnProviders().ToArray())
            .AddAnalyser(DefaultConfig.Instance.GetAnalysers().ToArray())
            .AddValidator(DefaultConfig.Instance.GetValidators().ToArray())
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .AddJob(job.WithId(part.Heavy ? "Heavy" : full ? "Default" : "Short"))
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableLogFile);
    }
}
