using System.CommandLine;
using System.Diagnostics;
using BenchmarkDotNet.Running;
using RulesEngine.Benchmarks.Compilation;
using RulesEngine.Benchmarks.ModelPass;
using RulesEngine.Benchmarks.Predicates;
using RulesEngine.Benchmarks.Reloading;
using RulesEngine.Benchmarks.Responding;
using RulesEngine.Benchmarks.Store;
using RulesEngine.Benchmarks.Support;

namespace RulesEngine.Benchmarks;

/// <summary>
/// The benchmarks' command line: with no command, every part (or those named by <c>--only</c>) and the report; the
/// commands <c>measure</c> and <c>first-load</c> are what the report's child processes run.
/// </summary>
public static class BenchmarksCommandLine
{
    public static readonly IReadOnlyList<Part> Parts =
    [
        new("predicates", "1. Predicate evaluation", Heavy: false, [typeof(PredicateBenchmarks)], []),
        new("compilation", "2. Loading rules from YAML", Heavy: false, [typeof(CompilationBenchmarks)], [Measurements.FirstLoad]),
        new("reload", "3. Reloading a changed file", Heavy: false, [typeof(ReloadBenchmarks)], [Measurements.ReloadMemory]),
        new("model-pass", "4. A model assertion over a million records", Heavy: true, [typeof(ModelPassBenchmarks)], [Measurements.ModelPassMemory]),
        new("respond", "5. A respond pass over 100,000 open issues", Heavy: true, [typeof(RespondBenchmarks)], []),
        new("store", "6. The issue store, one issue at a time", Heavy: false, [typeof(StoreBenchmarks)], []),
        new("at-rest", "7. The sidecar at rest", Heavy: false, [], [Measurements.AtRest]),
    ];

    public static RootCommand Build()
    {
        var full = new Option<bool>("--full") { Description = "BenchmarkDotNet's default jobs and longer measurements, instead of a short run." };
        var only = new Option<string[]>("--only")
        {
            Description = $"Run only these parts: {string.Join(", ", Parts.Select(part => part.Name))}.",
            AllowMultipleArgumentsPerToken = true,
        };
        only.AcceptOnlyFromAmong([.. Parts.Select(part => part.Name)]);
        var artifacts = new Option<string>("--artifacts")
        {
            Description = "Where BenchmarkDotNet's results and performance.md are written.",
            DefaultValueFactory = _ => "BenchmarkDotNet.Artifacts",
        };

        var root = new RootCommand("Benchmarks of the rules engine, side by side with Microsoft RulesEngine and hand-written C#.")
        {
            full, only, artifacts, MeasureCommand(), FirstLoadCommand(),
        };
        root.SetAction(parseResult =>
        {
            var selected = parseResult.GetValue(only) is { Length: > 0 } names ? Parts.Where(part => names.Contains(part.Name)) : Parts;
            return RunParts(selected.ToList(), parseResult.GetValue(full), Path.GetFullPath(parseResult.GetValue(artifacts)!));
        });
        return root;
    }

    private static int RunParts(IReadOnlyList<Part> parts, bool full, string artifacts)
    {
        var report = new PerformanceReport(artifacts, full);
        report.Begin(DateTimeOffset.UtcNow);
        var failed = false;
        foreach (var part in parts)
        {
            report.AddPart(part);
            foreach (var suite in part.Suites)
            {
                var summary = BenchmarkRunner.Run(suite, BenchmarkJobs.For(part, full, artifacts));
                failed |= summary.HasCriticalValidationErrors || summary.Reports.Any(result => !result.Success);
                report.AddSuite(suite);
            }

            foreach (var measurement in part.Measurements)
            {
                var (markdown, success) = RunMeasurement(measurement, full);
                failed |= !success;
                report.AddMeasurement(markdown);
            }
        }

        report.Write();
        Console.WriteLine($"The report is in {report.Path}.");
        return failed ? 1 : 0;
    }

    /// <summary>Runs one measurement in a child process of this program and returns its table, or what went wrong.</summary>
    private static (string Markdown, bool Success) RunMeasurement(string name, bool full)
    {
        Console.WriteLine($"// measuring {name}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        foreach (var argument in new[] { typeof(BenchmarksCommandLine).Assembly.Location, "measure", name }.Concat(full ? ["--full"] : []))
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var markdown = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        Console.WriteLine(markdown);
        return child.ExitCode == 0
            ? (markdown, true)
            : ($"### {name}\n\nThe measurement failed (exit code {child.ExitCode}); see the run's output.\n", false);
    }

    private static Command MeasureCommand()
    {
        var name = new Argument<string>("name") { Description = "The measurement." };
        name.AcceptOnlyFromAmong([.. Measurements.Names]);
        var full = new Option<bool>("--full") { Description = "The full run's size." };
        var command = new Command("measure", "Runs one whole-engine measurement in this process and prints its table.") { name, full };
        command.SetAction(parseResult =>
        {
            Console.Write(Measurements.Run(parseResult.GetValue(name)!, parseResult.GetValue(full)).ToMarkdown());
            return 0;
        });
        return command;
    }

    private static Command FirstLoadCommand()
    {
        var arguments = new Argument<string[]>("arguments") { Description = "engine RULES CACHE, or microsoft COUNT." };
        var command = new Command("first-load", "Loads rules once, as the first thing this process does, and prints the milliseconds.") { arguments };
        command.SetAction(parseResult => FirstLoadMeasurement.RunChild(parseResult.GetValue(arguments)!));
        return command;
    }
}
