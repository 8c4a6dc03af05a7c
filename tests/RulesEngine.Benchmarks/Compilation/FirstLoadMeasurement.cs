using System.Diagnostics;
using System.Globalization;
using RulesEngine.Benchmarks.Support;

namespace RulesEngine.Benchmarks.Compilation;

/// <summary>
/// Measure 2 as an operator meets it: the first load of N rules in a fresh process, as when the sidecar starts, with
/// no compile cache (every file compiled, the compiler's own code not yet compiled by the runtime) and with the cache
/// that a previous start left (nothing compiled). Microsoft RulesEngine's first build in a fresh process is beside
/// it. Each figure is the median of several processes; each process times its one load itself, so the runtime's own
/// start is not counted for either.
/// </summary>
public static class FirstLoadMeasurement
{
    public static readonly int[] RuleCounts = [10, 100, 500];

    public static MeasurementTable Run(int launches)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var count in RuleCounts)
        {
            using var folder = new BenchmarkFolder($"first-load-{count}");
            GeneratedRules.WriteRuleFiles(folder.RulesDirectory, count);
            var cache = folder.PathOf("compiled");

            void EmptyCache()
            {
                if (Directory.Exists(cache))
                {
                    Directory.Delete(cache, recursive: true);
                }
            }

            var empty = Median(launches, EmptyCache, "engine", folder.RulesDirectory, cache);
            Launch("engine", folder.RulesDirectory, cache);
            var warm = Median(launches, () => { }, "engine", folder.RulesDirectory, cache);
            var microsoft = Median(launches, () => { }, "microsoft", count.ToString(CultureInfo.InvariantCulture));

            rows.Add([Figures.Count(count), Figures.Milliseconds(empty), Figures.Milliseconds(warm), Figures.Milliseconds(microsoft)]);
        }

        return new MeasurementTable(
            "First load of N rules in a fresh process",
            $"Median of {launches} processes each. The engine's rules are assertions in files of " +
            $"{GeneratedRules.RulesPerFile}; Microsoft RulesEngine builds the same rules as one workflow and runs it once " +
            "(it compiles on first execution).",
            ["rules", "engine, no compile cache", "engine, compile cache warm", "Microsoft RulesEngine"],
            rows);
    }

    /// <summary>
    /// The child's side: loads once and prints the milliseconds it took. Arguments: <c>engine RULES CACHE</c> or
    /// <c>microsoft COUNT</c>.
    /// </summary>
    public static int RunChild(string[] arguments)
    {
        var stopwatch = Stopwatch.StartNew();
        if (arguments[0] == "engine")
        {
            var rules = EngineRuleLoad.Load(arguments[1], arguments[2]);
            stopwatch.Stop();
            MismatchException.ThrowIfDifferent("holding after a first load", GeneratedRules.Holding(rules.Assertions.Count), EngineRuleLoad.Holding(rules));
        }
        else
        {
            var count = int.Parse(arguments[1], CultureInfo.InvariantCulture);
            var holding = MicrosoftWorkflow.BuildAndRunOnceAsync(count).GetAwaiter().GetResult();
            stopwatch.Stop();
            MismatchException.ThrowIfDifferent("holding after a first build", GeneratedRules.Holding(count), holding);
        }

        Console.WriteLine(stopwatch.Elapsed.TotalMilliseconds.ToString(CultureInfo.InvariantCulture));
        return 0;
    }

    /// <summary>The median of <paramref name="launches"/> processes' load times, each launched after <paramref name="prepare"/>.</summary>
    private static double Median(int launches, Action prepare, params string[] arguments) =>
        Figures.Median(Enumerable.Range(0, launches).Select(_ =>
        {
            prepare();
            return Launch(arguments);
        }));

    private static double Launch(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { typeof(FirstLoadMeasurement).Assembly.Location, "first-load" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEndAsync();
        var error = child.StandardError.ReadToEndAsync();
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"A first-load process exited with {child.ExitCode}: {error.Result}");
        }

        return double.Parse(output.Result.Trim().Split('\n')[^1], CultureInfo.InvariantCulture);
    }
}
