using System.Diagnostics;
using System.Text.RegularExpressions;

namespace RulesEngine.Tests.Support;

/// <summary>
/// A PostgreSQL cluster started for this test run by the repository's <c>.ci/postgres-start</c>, and stopped and
/// deleted by <c>.ci/postgres-stop</c> when the test process exits, so that <c>dotnet test</c> on a fresh clone runs
/// the PostgreSQL source's tests against a real server without any setup.
/// </summary>
internal static partial class ThrowawayPostgres
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Starts the cluster and returns its connection string, or throws saying why it could not.</summary>
    public static string Start()
    {
        var scripts = Path.Combine(RepositoryRoot(), ".ci");
        var (exitCode, output, errors) = Run(Path.Combine(scripts, "postgres-start"));
        var exports = Export().Matches(output).ToDictionary(match => match.Groups["name"].Value, match => match.Groups["value"].Value);

        if (exitCode != 0 || !exports.TryGetValue(TestPostgres.Variable, out var connectionString)
            || !exports.TryGetValue(TestPostgres.Variable + "_DIR", out var folder))
        {
            throw new InvalidOperationException($".ci/postgres-start exited with {exitCode}: {errors.Trim()}");
        }

        // The cluster outlives nothing: the test host exits normally after the last test, and this stops it then.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Run(Path.Combine(scripts, "postgres-stop"), folder);
        return connectionString;
    }

    private static (int ExitCode, string Output, string Errors) Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(StartTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within {StartTimeout.TotalMinutes} minutes.");
        }

        return (process.ExitCode, output, errors.Result);
    }

    /// <summary>The folder holding RulesEngine.sln, found upwards from the test assembly's folder.</summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RulesEngine.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No RulesEngine.sln above {AppContext.BaseDirectory}, so no .ci/postgres-start to run.");
    }

    /// <summary>A line <c>export NAME='value'</c> as postgres-start prints them.</summary>
    [GeneratedRegex("^export (?<name>[A-Z_]+)='(?<value>[^']*)'$", RegexOptions.Multiline)]
    private static partial Regex Export();
}
