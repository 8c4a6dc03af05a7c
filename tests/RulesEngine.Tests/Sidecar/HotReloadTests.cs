using System.Diagnostics;
using System.Runtime.InteropServices;
using RulesEngine.Loading;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Sidecar;

/// <summary>The watcher against the ways files really change on disk.</summary>
public sealed class HotReloadTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task A_kubernetes_configmap_swap_of_the_data_symlink_is_reloaded()
    {
        // The layout a ConfigMap volume has: rules.yaml -> ..data/rules.yaml, ..data -> ..<timestamp>.
        var dir = workspace.RulesDirectory;
        WriteVersion(dir, "..v1", "first");
        File.CreateSymbolicLink(Path.Combine(dir, "..data"), "..v1");
        File.CreateSymbolicLink(Path.Combine(dir, "rules.yaml"), Path.Combine("..data", "rules.yaml"));
        using var engine = workspace.OpenEngine();
        var reloader = new RulesReloader(engine);
        using var watcher = new RulesWatcher(engine, reloader, pollInterval: TimeSpan.FromMinutes(10));

        WriteVersion(dir, "..v2", "second");
        File.CreateSymbolicLink(Path.Combine(dir, "..data_tmp"), "..v2");
        Assert.Equal(0, Rename(Path.Combine(dir, "..data_tmp"), Path.Combine(dir, "..data")));

        await WaitUntilAsync(() => engine.Rules.Assertions.SingleOrDefault()?.Name == "second", TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_file_written_in_several_chunks_is_loaded_once_complete()
    {
        using var engine = workspace.OpenEngine();
        var reloader = new RulesReloader(engine);
        using var watcher = new RulesWatcher(engine, reloader, pollInterval: TimeSpan.FromMinutes(10));
        var text = "assertions:\n  - name: chunked\n    check: |\n      var x = 1;\n      return x == 1;\n";

        await using (var stream = new FileStream(Path.Combine(workspace.RulesDirectory, "chunked.yaml"), FileMode.Create))
        {
            foreach (var chunk in text.Chunk(20))
            {
                await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(chunk));
                await stream.FlushAsync();
                await Task.Delay(50);
            }
        }

        await WaitUntilAsync(() => engine.Rules.Assertions.SingleOrDefault()?.Name == "chunked" && engine.Rules.Errors.Count == 0, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_file_written_with_a_half_second_pause_mid_write_raises_no_failed_reload()
    {
        await using var sidecar = await SidecarProcess.StartAsync(workspace, "--config", WriteSettings("""{ "PollInterval": "1h" }"""));
        var text = "assertions:\n  - name: paused\n    check: |\n      var x = 1;\n      return x == 1;\n";
        var half = text.IndexOf("= 1;", StringComparison.Ordinal);

        await using (var stream = new FileStream(Path.Combine(workspace.RulesDirectory, "paused.yaml"), FileMode.Create))
        {
            // The first half is broken C# (var x =), on disk for longer than the watcher's quiet period.
            await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text[..half]));
            await stream.FlushAsync();
            await Task.Delay(500);
            await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text[half..]));
        }

        // How soon it takes effect is the benchmark's to measure; here, that it does, and that the half never counts.
        await sidecar.WaitUntilAsync(async () => (await sidecar.GetJsonAsync("/api/rules"))["rules"]!.AsArray()
            .Any(rule => rule!["name"]!.GetValue<string>() == "paused"), TimeSpan.FromSeconds(10), "the paused file's rule");
        await Task.Delay(2500); // past the settle period, when a held-back failure would be reported

        var metrics = await sidecar.Client.GetStringAsync("/metrics");
        var reload = (await sidecar.GetJsonAsync("/api/rules"))["reload"]!;
        Assert.True(reload["success"]!.GetValue<bool>());
        Assert.Contains("rules_engine_last_reload_success 1", metrics);
        Assert.DoesNotContain("rules_engine_reloads_total{result=\"failure\"}", metrics);
        Assert.DoesNotContain("RulesReloader[103]", sidecar.Output);
        Assert.DoesNotContain("RulesReloader[101]", sidecar.Output);
    }

    [Fact]
    public async Task A_file_that_stays_broken_is_reported_once_it_has_gone_unwritten_for_the_settle_period()
    {
        await using var sidecar = await SidecarProcess.StartAsync(workspace, "--config", WriteSettings("""{ "PollInterval": "1h" }"""));
        workspace.WriteRules("warm.yaml", "assertions: [ { name: warm, check: 'true' } ]");
        await sidecar.WaitUntilAsync(async () => (await sidecar.GetJsonAsync("/api/rules"))["rules"]!.AsArray().Count == 1,
            TimeSpan.FromSeconds(10), "a first reload, so the compiler is warm and the next one is quick");
        var written = Stopwatch.StartNew();
        var path = workspace.WriteRules("broken.yaml", "assertions:\n  - name: broken\n    check: 'var x = ;'\n");

        await sidecar.WaitUntilAsync(async () => (await sidecar.GetJsonAsync("/api/rules"))["reload"]!["success"]!.GetValue<bool>() == false,
            TimeSpan.FromSeconds(10), "the failed reload");

        Assert.InRange(written.Elapsed, RulesWatcher.SettlePeriod - TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(6));
        var reload = (await sidecar.GetJsonAsync("/api/rules"))["reload"]!;
        Assert.Equal(path, reload["errors"]![0]!["location"]!["file"]!.GetValue<string>());
        Assert.Contains("rules_engine_reloads_total{result=\"failure\"} 1", await sidecar.Client.GetStringAsync("/metrics"));
        Assert.Contains("RulesReloader[103]", sidecar.Output);
    }

    [Fact]
    public async Task Changes_that_raise_no_event_are_found_by_the_content_poll()
    {
        using var engine = workspace.OpenEngine();
        var reloader = new RulesReloader(engine);
        using var watcher = new RulesWatcher(engine, reloader, pollInterval: TimeSpan.FromMilliseconds(300), fileEvents: false);

        workspace.WriteRules("late.yaml", "assertions: [ { name: polled, check: 'true' } ]");

        await WaitUntilAsync(() => engine.Rules.Assertions.SingleOrDefault()?.Name == "polled", TimeSpan.FromSeconds(2));
        Assert.Equal("poll", reloader.Last!.Reason);
    }

    [Fact]
    public async Task Sighup_reloads_the_rules()
    {
        await using var sidecar = await SidecarProcess.StartAsync(workspace, "--config", WriteSettings("""{ "PollInterval": "1h" }"""));
        workspace.WriteRules("new.yaml", "assertions: [ { name: after hangup, check: 'true' } ]");
        await Task.Delay(500); // past the watcher's quiet period: whatever it does, SIGHUP must reload too

        Assert.Equal(0, Kill(sidecar.ProcessId, 1));

        await sidecar.WaitUntilAsync(async () => (await sidecar.GetJsonAsync("/api/rules"))["reload"]!["reason"]!.GetValue<string>() == "SIGHUP",
            TimeSpan.FromSeconds(20), "the reload");
        Assert.Contains((await sidecar.GetJsonAsync("/api/rules"))["rules"]!.AsArray(), rule => rule!["name"]!.GetValue<string>() == "after hangup");
    }

    private string WriteSettings(string json)
    {
        var path = Path.Combine(workspace.Root, "settings.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static void WriteVersion(string dir, string folder, string ruleName)
    {
        Directory.CreateDirectory(Path.Combine(dir, folder));
        File.WriteAllText(Path.Combine(dir, folder, "rules.yaml"), $"assertions: [ {{ name: {ruleName}, check: 'true' }} ]");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(stopwatch.Elapsed < timeout, $"not reloaded within {timeout.TotalSeconds} s");
            await Task.Delay(50);
        }
    }

    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int Rename(string from, string to);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
