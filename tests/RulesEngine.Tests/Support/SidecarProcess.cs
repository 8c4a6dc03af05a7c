using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;

namespace RulesEngine.Tests.Support;

/// <summary>
/// The real sidecar (<c>rules-engine run</c>) in a child process on a free loopback port, with an HTTP client
/// for its API. Killed on dispose if still running.
/// </summary>
public sealed class SidecarProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private SidecarProcess(Process process, Uri address)
    {
        this.process = process;
        // A request that asks for 100-continue waits for the server's answer however busy the machine is, rather
        // than sending its body after the default second and racing the server's refusal.
        var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) };
        Client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public HttpClient Client { get; }

    public int ProcessId => process.Id;

    /// <summary>Everything the process printed so far.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the sidecar in the workspace and waits until <c>/readyz</c> answers 200, or 503 because every rule file
    /// failed to load (the rules are loaded then, if badly: what tests of broken files start from).
    /// </summary>
    public static async Task<SidecarProcess> StartAsync(Workspace workspace, params string[] extraArguments)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workspace.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { EngineProcess.AssemblyPath, "run", "--rules", workspace.RulesDirectory, "--store", workspace.StorePath, "--urls", $"http://127.0.0.1:{port}" }.Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["RULES_ENGINE_POLLINTERVAL"] = "1s";
        var sidecar = new SidecarProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        await sidecar.WaitUntilAsync(async () => await sidecar.TryGetAsync("/readyz") is { } ready
            && (ready.Status == HttpStatusCode.OK || ready.Body.StartsWith("not ready: no rules loaded", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(60), "the sidecar to be ready");
        return sidecar;
    }

    /// <summary>Polls <paramref name="condition"/> every 100 ms until it holds or the timeout passes.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The sidecar exited with {process.ExitCode} while waiting for {what}.\n{Output}");
            }

            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Waited {timeout.TotalSeconds} s for {what}.\n{Output}");
    }

    public async Task<JsonNode> GetJsonAsync(string path) =>
        (await Client.GetFromJsonAsync<JsonNode>(path))!;

    /// <summary>The issues the API lists for a query string such as <c>status=Open</c>.</summary>
    public async Task<JsonArray> IssuesAsync(string query = "") => (await GetJsonAsync($"/api/issues?{query}")).AsArray();

    /// <summary>Sends SIGTERM and waits for the process to exit; returns its exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        _ = Kill(process.Id, SigTerm);
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private async Task<(HttpStatusCode Status, string Body)?> TryGetAsync(string path)
    {
        try
        {
            using var response = await Client.GetAsync(path);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
