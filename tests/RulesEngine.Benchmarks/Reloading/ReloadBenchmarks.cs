using BenchmarkDotNet.Attributes;
using RulesEngine.Benchmarks.Compilation;
using RulesEngine.Benchmarks.Support;

namespace RulesEngine.Benchmarks.Reloading;

/// <summary>
/// Measure 3, time: one rule file of 50 rules changed and reloaded through <see cref="Engine.LoadRules"/>. Every
/// operation writes a new version, so every reload parses, compiles, loads the new assembly and unloads the old one.
/// Memory and assemblies over 1,000 reloads are measured by <see cref="ReloadMemoryMeasurement"/>.
/// </summary>
[MemoryDiagnoser]
public class ReloadBenchmarks
{
    public const int RulesInFile = 50;

    private BenchmarkFolder folder = null!;
    private Engine engine = null!;
    private string path = null!;
    private int version;

    [GlobalSetup]
    public void GlobalSetup()
    {
        folder = new BenchmarkFolder("reload");
        path = folder.WriteRules("rules.yaml", GeneratedRules.RuleFile(Enumerable.Range(0, RulesInFile)));
        engine = Engine.Open(folder.Options());
        engine.LoadRules();

        Reload();
        MismatchException.ThrowIfDifferent("rules after a reload", RulesInFile, engine.Rules.Assertions.Count);
        MismatchException.ThrowIfDifferent("version the reloaded rules report", version, RunningVersion(engine));
    }

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        engine.Dispose();
        folder.Dispose();
    }

    [Benchmark(Description = "change and reload a file of 50 rules")]
    public int Reload()
    {
        File.WriteAllText(path, GeneratedRules.RuleFile(Enumerable.Range(0, RulesInFile), ++version));
        var rules = engine.LoadRules();
        if (rules.Errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, rules.Errors));
        }

        return rules.Assertions.Count;
    }

    /// <summary>The version the running rules were written with, read from the details of a check they run.</summary>
    internal static int RunningVersion(Engine engine)
    {
        var report = engine.RunAsync(engine.Rules.Assertions[0]).GetAwaiter().GetResult();
        if (report.Outcome == Checking.RuleOutcome.Error)
        {
            throw new InvalidOperationException(report.Error);
        }

        // Rule 0 has threshold 0 and value 7: it holds, so its details are not kept; rule 19's (threshold 19) fail.
        engine.RunAsync(engine.Rules.Assertions[19]).GetAwaiter().GetResult();
        var issue = engine.Issues.Find(new Issues.IssueQuery { Name = "rule 19", Status = Issues.IssueStatus.Open }).Single();
        return issue.Details!["version"]!.GetValue<int>();
    }
}
