using System.Diagnostics;
using System.Runtime.Loader;
using RulesEngine.Benchmarks.Compilation;
using RulesEngine.Benchmarks.Support;

namespace RulesEngine.Benchmarks.Reloading;

/// <summary>
/// Measure 3, memory: one file of 50 rules changed and reloaded many times in one engine. Managed memory, the
/// process's resident memory, rule assemblies and load contexts are read after 100 reloads (once the runtime and
/// the compiler are warm) and again at the end, each after the unloaded contexts have been collected.
/// </summary>
public static class ReloadMemoryMeasurement
{
    private const int WarmUpReloads = 100;

    public static MeasurementTable Run(int reloads)
    {
        using var folder = new BenchmarkFolder("reload-memory");
        var path = folder.WriteRules("rules.yaml", GeneratedRules.RuleFile(Enumerable.Range(0, ReloadBenchmarks.RulesInFile)));
        using var engine = Engine.Open(folder.Options());
        engine.LoadRules();

        Snapshot? warm = null;
        var stopwatch = new Stopwatch();
        for (var version = 1; version <= reloads; version++)
        {
            File.WriteAllText(path, GeneratedRules.RuleFile(Enumerable.Range(0, ReloadBenchmarks.RulesInFile), version));
            stopwatch.Start();
            var rules = engine.LoadRules();
            stopwatch.Stop();
            if (rules.Errors.Count > 0)
            {
                throw new InvalidOperationException(string.Join(Environment.NewLine, rules.Errors));
            }

            if (version == WarmUpReloads)
            {
                warm = Snapshot.Take();
            }
        }

        var end = Snapshot.Take();
        MismatchException.ThrowIfDifferent("version the reloaded rules report", reloads, ReloadBenchmarks.RunningVersion(engine));
        warm ??= end;

        return new MeasurementTable(
            $"Reloading a file of 50 rules {reloads:N0} times",
            $"Each reload writes a new version of the file (so it compiles), loads it and unloads the previous one. " +
            $"Mean time per reload over all {reloads:N0}; memory after {WarmUpReloads} reloads and at the end, each " +
            "after a full collection.",
            ["", $"after {WarmUpReloads} reloads", $"after {reloads:N0}", "change"],
            [
                ["managed heap", Figures.MiB(warm.ManagedBytes), Figures.MiB(end.ManagedBytes), Change(warm.ManagedBytes, end.ManagedBytes)],
                ["resident memory (RSS)", Figures.MiB(warm.ResidentBytes), Figures.MiB(end.ResidentBytes), Change(warm.ResidentBytes, end.ResidentBytes)],
                ["rule assemblies loaded", Figures.Count(warm.RuleAssemblies), Figures.Count(end.RuleAssemblies), Change(warm.RuleAssemblies, end.RuleAssemblies)],
                ["rule load contexts alive", Figures.Count(warm.LoadContexts), Figures.Count(end.LoadContexts), Change(warm.LoadContexts, end.LoadContexts)],
                ["mean time per reload", "", Figures.Milliseconds(stopwatch.Elapsed.TotalMilliseconds / reloads), ""],
            ]);
    }

    private static string Change(long before, long after) =>
        before == 0 ? "" : ((after - before) * 100.0 / before).ToString("+0.0;-0.0;0.0", System.Globalization.CultureInfo.InvariantCulture) + " %";

    private sealed record Snapshot(long ManagedBytes, long ResidentBytes, int RuleAssemblies, int LoadContexts)
    {
        public static Snapshot Take()
        {
            // Unloading a context takes a few collections: the first frees its objects, a later one the assembly.
            for (var i = 0; i < 20 && (RuleAssemblyCount() > 1 || RuleContextCount() > 1); i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }

            var managed = GC.GetTotalMemory(forceFullCollection: true);
            using var process = Process.GetCurrentProcess();
            return new Snapshot(managed, process.WorkingSet64, RuleAssemblyCount(), RuleContextCount());
        }

        private static int RuleAssemblyCount() =>
            AppDomain.CurrentDomain.GetAssemblies().Count(assembly => assembly.GetName().Name?.StartsWith("rules_", StringComparison.Ordinal) == true);

        private static int RuleContextCount() =>
            AssemblyLoadContext.All.Count(context => context.Name?.StartsWith("rules:", StringComparison.Ordinal) == true);
    }
}
