using System.Diagnostics;
using RulesEngine.Issues;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Responding;

/// <summary>
/// The real engine process killed with SIGKILL while an action runs, between the run's start and its completion in
/// the store: the next <c>respond</c> does what the responder's <c>on_crash</c> says, and records it.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task On_crash_retry_runs_the_interrupted_action_again_and_a_second_engine_is_kept_out_meanwhile()
    {
        var (issueId, secondRun) = await CrashDuringActionAsync("retry", async () =>
        {
            var second = await Respond();
            Assert.Equal(2, second.ExitCode);
            Assert.Contains("process", second.Stderr);
        });

        var again = await Respond();

        Assert.Equal(0, again.ExitCode);
        Assert.True(File.Exists(secondRun), again.ToString());
        var runs = Runs(issueId);
        Assert.Equal([(ActionOutcome.Failed, 1), (ActionOutcome.Succeeded, 2)], runs.Select(run => (run.Outcome, run.Attempt)));
        Assert.StartsWith("interrupted: the engine stopped before the action completed", runs[0].Details!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task On_crash_abandon_records_the_interrupted_action_as_abandoned_and_does_not_run_it_again()
    {
        var (issueId, secondRun) = await CrashDuringActionAsync("abandon", () => Task.CompletedTask);

        var again = await Respond();
        var later = await Respond();

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("abandoned", again.Stdout);
        Assert.Equal(0, later.ExitCode);
        Assert.False(File.Exists(secondRun));
        var run = Assert.Single(Runs(issueId));
        Assert.Equal(ActionOutcome.Abandoned, run.Outcome);
        Assert.Contains("not run again: on_crash is abandon", run.Details!["error"]!.GetValue<string>());
    }

    /// <summary>
    /// Starts <c>respond</c> on an action that writes a marker and blocks, waits for the marker, runs
    /// <paramref name="whileBlocked"/>, then kills the engine with SIGKILL (and the orphaned action after it).
    /// </summary>
    private async Task<(long IssueId, string SecondRun)> CrashDuringActionAsync(string onCrash, Func<Task> whileBlocked)
    {
        var started = Path.Combine(workspace.Root, "started");
        var secondRun = Path.Combine(workspace.Root, "second-run");
        var script = $"if [ -e '{started}' ]; then echo again > '{secondRun}'; exit 0; fi; echo $$ > '{started}'; exec sleep 60";
        workspace.WriteRules("slow.yaml", $"""
            responders:
              - name: slow
                watch: disk
                on_crash: {onCrash}
                actions:
                  - name: act
                    timeout: 5m
                    shell: {System.Text.Json.JsonSerializer.Serialize(new { program = "/bin/sh", args = new[] { "-c", script } })}
            """);
        long issueId;
        using (var store = IssueStore.Open(workspace.StorePath))
        {
            issueId = store.MaybeOpen(new IssueKey("disk full"), null).Issue.Id;
        }

        using var engine = EngineProcess.Start(workspace.Root, "respond", "--rules", workspace.RulesDirectory, "--store", workspace.StorePath);
        try
        {
            await WaitForAsync(() => File.Exists(started) && File.ReadAllText(started).Trim().Length > 0, engine);
            await whileBlocked();
        }
        finally
        {
            engine.Kill();
            await engine.WaitForExitAsync();
            KillOrphan(started);
        }

        return (issueId, secondRun);
    }

    private Task<ProcessResult> Respond() =>
        EngineProcess.RunAsync(workspace.Root, "respond", "--rules", workspace.RulesDirectory, "--store", workspace.StorePath);

    private IReadOnlyList<ActionRun> Runs(long issueId)
    {
        using var store = IssueStore.Open(workspace.StorePath);
        return store.Get(issueId)!.Actions;
    }

    private static async Task WaitForAsync(Func<bool> condition, Process engine)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.False(engine.HasExited, $"the engine exited with {(engine.HasExited ? engine.ExitCode : 0)} before the action started");
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "the action did not start within 60 s");
            await Task.Delay(50);
        }
    }

    private static void KillOrphan(string pidFile)
    {
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
        {
            try
            {
                using var orphan = Process.GetProcessById(pid);
                orphan.Kill();
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
            {
                // Already gone.
            }
        }
    }
}
