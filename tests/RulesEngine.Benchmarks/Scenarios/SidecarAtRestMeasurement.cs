using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using RulesEngine.Benchmarks.Compilation;
using RulesEngine.Benchmarks.Support;

namespace RulesEngine.Benchmarks.Scenarios;

/// <summary>
/// Measure 7: the real sidecar (<c>rules-engine run</c>) with 100 rules loaded, once every rule has run and nothing is
/// due: its resident memory, and the processor time it uses over a quiet window. The window starts once the sidecar
/// has settled: past the compiler's idle release (<see cref="Compilation.ScriptReferences.IdleRelease"/>) after the
/// last compile, which is the warm-up the sidecar runs when it starts.
/// </summary>
public static class SidecarAtRestMeasurement
{
    private const int Rules = 100;

    public static MeasurementTable Run(TimeSpan window)
    {
        using var folder = new BenchmarkFolder("at-rest");
        GeneratedRules.WriteRuleFiles(folder.RulesDirectory, Rules);
        var port = FreePort();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        using var sidecar = Start(folder, port);
        try
        {
            WaitForEveryRuleToHaveRun(client, sidecar);
            Thread.Sleep(RulesEngine.Compilation.ScriptReferences.IdleRelease + TimeSpan.FromSeconds(10));

            sidecar.Refresh();
            var before = sidecar.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            Thread.Sleep(window);
            sidecar.Refresh();
            var used = sidecar.TotalProcessorTime - before;
            var elapsed = stopwatch.Elapsed;
            var resident = sidecar.WorkingSet64;

            return new MeasurementTable(
                "The sidecar at rest with 100 rules",
                $"`rules-engine run` on {Rules} assertions in {Rules / GeneratedRules.RulesPerFile} files, after each has run " +
                "once when loaded and the compiler has been idle long enough to be let go; nothing is due, and the file " +
                "watcher, the one-second content poll and the 15-second respond cadence keep running. Resident memory is " +
                "split as Linux counts it: anonymous (heaps, native allocations), shared memory (code the runtime jitted, " +
                "mapped twice so it is never writable and executable at once), and mapped files (the assemblies; the " +
                $"system can drop and read them again). Processor time over {elapsed.TotalSeconds:0} s.",
                ["resident memory (RSS)", "anonymous", "jitted code", "mapped files", "processor time used", "share of one core", "per minute"],
                [[Figures.MiB(resident), Figures.MiB(Resident(sidecar.Id, "RssAnon")), Figures.MiB(Resident(sidecar.Id, "RssShmem")),
                  Figures.MiB(Resident(sidecar.Id, "RssFile")), Figures.Milliseconds(used.TotalMilliseconds),
                  Figures.Percent(100 * used.TotalSeconds / elapsed.TotalSeconds),
                  Figures.Milliseconds(used.TotalMilliseconds * 60 / elapsed.TotalSeconds)]]);
        }
        finally
        {
            sidecar.Kill(entireProcessTree: true);
            sidecar.WaitForExit();
        }
    }

    private static Process Start(BenchmarkFolder folder, int port)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var host = Path.Combine(AppContext.BaseDirectory, "rules-engine.dll");
        foreach (var argument in new[] { host, "run", "--rules", folder.RulesDirectory, "--store", folder.StorePath, "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        // Drained so the sidecar never blocks on a full pipe; what it logs is not part of the measure.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void WaitForEveryRuleToHaveRun(HttpClient client, Process sidecar)
    {
        var deadline = Stopwatch.StartNew();
        var ran = 0;
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (sidecar.HasExited)
            {
                throw new InvalidOperationException($"The sidecar exited with {sidecar.ExitCode} before its rules ran.");
            }

            try
            {
                var rules = JsonNode.Parse(client.GetStringAsync("/api/rules").GetAwaiter().GetResult())!["rules"]!.AsArray();
                ran = rules.Count(rule => rule!["runs"]!.GetValue<long>() > 0 && rule["errors"]!.GetValue<long>() == 0);
                if (rules.Count == Rules && ran == Rules)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Thread.Sleep(200);
        }

        throw new MismatchException($"Only {ran} of the sidecar's {Rules} rules ran without error within two minutes.");
    }

    /// <summary>One part of the process's resident memory, in bytes, from /proc/PID/status (Linux): RssAnon, RssFile or RssShmem.</summary>
    private static long Resident(int pid, string part) =>
        File.ReadLines($"/proc/{pid}/status")
            .Where(line => line.StartsWith(part + ":", StringComparison.Ordinal))
            .Select(line => long.Parse(line.Split(' ', '\t').Where(field => field.Length > 0).ElementAt(1), CultureInfo.InvariantCulture) * 1024)
            .Single();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
