using System.Globalization;
using System.Text;

namespace RulesEngine.Benchmarks.Support;

/// <summary>
/// Gathers one run's results into a single markdown file: the date, machine and commit, then each part's
/// BenchmarkDotNet tables and measurement tables. docs/performance.md quotes it.
/// </summary>
public sealed class PerformanceReport(string artifacts, bool full)
{
    private readonly StringBuilder text = new();

    public string Path => System.IO.Path.Combine(artifacts, "performance.md");

    public void Begin(DateTimeOffset started)
    {
        text.Append("# Performance, measured\n\n")
            .Append(CultureInfo.InvariantCulture, $"- date: {started:yyyy-MM-dd HH:mm} UTC\n")
            .Append(CultureInfo.InvariantCulture, $"- machine: {MachineDescription.Describe()}\n")
            .Append(CultureInfo.InvariantCulture, $"- commit: {Git.Commit()}\n")
            .Append(CultureInfo.InvariantCulture, $"- run: {(full ? "full" : "short")}\n\n");
    }

    public void AddPart(Part part) => text.Append(CultureInfo.InvariantCulture, $"## {part.Title}\n\n");

    /// <summary>Adds the GitHub-flavoured table BenchmarkDotNet exported for a suite, without its environment header.</summary>
    public void AddSuite(Type suite)
    {
        var exported = System.IO.Path.Combine(artifacts, "results", $"{suite.FullName}-report-github.md");
        if (!File.Exists(exported))
        {
            text.Append(CultureInfo.InvariantCulture, $"{suite.Name}: no results (see the run's output).\n\n");
            return;
        }

        var lines = File.ReadAllLines(exported);
        var table = lines.SkipWhile(line => !line.StartsWith('|')).ToList();
        var job = lines.FirstOrDefault(line => line.StartsWith("Job=", StringComparison.Ordinal) || line.StartsWith("IterationCount=", StringComparison.Ordinal));
        text.Append(CultureInfo.InvariantCulture, $"{suite.Name}{(job is null ? "" : $" ({job.Trim()})")}:\n\n")
            .AppendJoin('\n', table).Append("\n\n");
    }

    public void AddMeasurement(string markdown) => text.Append(markdown).Append('\n');

    public void Write()
    {
        Directory.CreateDirectory(artifacts);
        File.WriteAllText(Path, text.ToString());
    }
}
