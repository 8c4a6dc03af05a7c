using RulesEngine.Checking;
using RulesEngine.Issues;
using RulesEngine.Scheduling;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Scheduling;

/// <summary>The scheduler against a fake clock: the clock only moves when a test advances it.</summary>
public sealed class EngineSchedulerTests : IAsyncDisposable
{
    private readonly Workspace workspace = new();
    private readonly CancellationTokenSource stop = new();
    private Task? running;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (running is not null)
        {
            await running.WaitAsync(TimeSpan.FromSeconds(10));
        }

        workspace.Dispose();
    }

    [Fact]
    public async Task A_rule_runs_at_each_occurrence_of_its_schedule()
    {
        workspace.WriteRules("r.yaml", "assertions: [ { name: minutely, schedule: '* * * * *', check: 'true' } ]");
        var scheduler = Start();

        for (var minute = 1; minute <= 3; minute++)
        {
            workspace.Clock.Advance(TimeSpan.FromMinutes(1));
            await WaitForRunsAsync(scheduler, "minutely", minute);
        }

        Assert.Equal(3, Status(scheduler, "minutely").Runs);
    }

    [Fact]
    public async Task By_default_a_rule_runs_once_when_loaded_and_then_on_its_schedule()
    {
        workspace.WriteRules("r.yaml", "assertions: [ { name: hourly, schedule: '0 * * * *', check: 'true' } ]");
        var scheduler = Start(runWhenLoaded: true);

        await WaitForRunsAsync(scheduler, "hourly", 1);

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 13, 0, 0, TimeSpan.Zero), Status(scheduler, "hourly").NextRun);
    }

    [Fact]
    public async Task After_a_stall_a_rule_runs_once_and_then_keeps_its_schedule()
    {
        workspace.WriteRules("r.yaml", "assertions: [ { name: minutely, schedule: '* * * * *', check: 'true' } ]");
        var scheduler = Start();

        workspace.Clock.Advance(TimeSpan.FromHours(2));
        await WaitForRunsAsync(scheduler, "minutely", 1);
        await Task.Delay(300);

        Assert.Equal(1, Status(scheduler, "minutely").Runs);
        Assert.Equal(workspace.Clock.GetUtcNow().AddSeconds(60 - workspace.Clock.GetUtcNow().Second), Status(scheduler, "minutely").NextRun);
    }

    [Fact]
    public async Task A_run_that_is_still_going_is_not_overlapped_and_the_skipped_occurrence_is_counted()
    {
        var release = Path.Combine(workspace.Root, "release");
        workspace.WriteRules("r.yaml", $$"""
            assertions:
              - name: slow
                schedule: "* * * * * *"
                params: { release: "{{release}}" }
                check: |
                  while (!File.Exists(Params.release)) Thread.Sleep(20);
                  return true;
              - { name: quick, schedule: "* * * * * *", check: "true" }
            """);
        var scheduler = Start();

        for (var second = 1; second <= 3; second++)
        {
            workspace.Clock.Advance(TimeSpan.FromSeconds(1));
            await WaitForRunsAsync(scheduler, "quick", second);
        }

        File.WriteAllText(release, "");
        await WaitForRunsAsync(scheduler, "slow", 1);
        Assert.Equal(2, Status(scheduler, "slow").SkippedOverlaps);
        Assert.Equal(3, Status(scheduler, "quick").Runs);
    }

    [Fact]
    public async Task Runs_due_while_a_timed_out_check_still_spins_are_skipped_counted_and_logged_as_RunSkipped()
    {
        var release = Path.Combine(workspace.Root, "release");
        workspace.WriteRules("r.yaml", $$"""
            assertions:
              - name: stuck
                schedule: "* * * * * *"
                timeout: 1s
                params: { release: "{{release}}" }
                check: |
                  while (!File.Exists(Params.release)) Thread.Sleep(10);
                  return true;
            """);
        var logs = new RecordingLoggerFactory();
        var scheduler = Start(logs: logs);
        try
        {
            workspace.Clock.Advance(TimeSpan.FromSeconds(1));
            await WaitUntilAsync(() => Status(scheduler, "stuck").Running, "stuck to start");
            await Task.Delay(100);
            workspace.Clock.Advance(TimeSpan.FromSeconds(1));
            await WaitForRunsAsync(scheduler, "stuck", 1);

            for (var second = 1; second <= 3; second++)
            {
                var seen = Status(scheduler, "stuck");
                workspace.Clock.Advance(TimeSpan.FromSeconds(1));
                await WaitUntilAsync(() => Status(scheduler, "stuck") is var now && now.SkippedOverlaps + now.Runs > seen.SkippedOverlaps + seen.Runs,
                    "the next occurrence of stuck");
            }

            var status = Status(scheduler, "stuck");
            Assert.Equal((1L, 1L), (status.Runs, status.Errors));
            Assert.True(status.SkippedOverlaps >= 3, $"{status.SkippedOverlaps} skipped");
            Assert.Equal((RuleOutcome.Skipped, AbandonedRuns.StillRunning), (status.LastRun!.Outcome, status.LastRun.Error));
            var ruleEntries = logs.Entries.Where(entry => entry.Category == "Rules.stuck").ToList();
            Assert.Contains("timeout", Assert.Single(ruleEntries, entry => entry.EventId == EngineEvents.CheckError).Message);
            Assert.Contains(ruleEntries, entry => entry.EventId == EngineEvents.RunSkipped);
        }
        finally
        {
            File.WriteAllText(release, "");
        }
    }

    [Fact]
    public void A_reload_keeps_the_next_run_of_an_unchanged_rule_and_reschedules_a_changed_one()
    {
        workspace.WriteRules("a.yaml", "assertions: [ { name: hourly, schedule: '0 * * * *', check: 'true' } ]");
        var path = workspace.WriteRules("b.yaml", "assertions: [ { name: changing, schedule: '0 * * * *', check: 'true' } ]");
        var scheduler = Start();
        var before = Status(scheduler, "hourly").NextRun;

        workspace.Clock.Advance(TimeSpan.FromMinutes(10));
        File.WriteAllText(path, "assertions: [ { name: changing, schedule: '*/5 * * * *', check: 'true' } ]");
        scheduler.Apply(engine!.LoadRules());

        Assert.Equal(before, Status(scheduler, "hourly").NextRun);
        Assert.Equal(workspace.Clock.GetUtcNow().AddMinutes(5), Status(scheduler, "changing").NextRun);
    }

    [Fact]
    public async Task S24_the_sidecar_runs_checks_and_responders_on_their_schedules_without_an_outside_cron()
    {
        var healthy = Path.Combine(workspace.Root, "healthy");
        workspace.WriteRules("r.yaml", $$"""
            assertions:
              - { name: service down, schedule: "*/5 * * * *", params: { flag: "{{healthy}}" }, check: "File.Exists(Params.flag)" }
            responders:
              - { watch: service, actions: [ { name: escalate, delay: 10m, log: "still down" } ] }
            """);
        var scheduler = Start(respondInterval: TimeSpan.FromMinutes(1));

        workspace.Clock.Advance(TimeSpan.FromMinutes(5));
        await WaitUntilAsync(() => engine!.Issues.Count(IssueStatus.Open) == 1, "the check to open the issue");
        for (var minute = 0; minute < 10; minute++)
        {
            workspace.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(20);
        }

        await WaitUntilAsync(() => engine!.Issues.Find(new()).Single().Actions.Count == 1, "the delayed action");
        File.WriteAllText(healthy, "");
        workspace.Clock.Advance(TimeSpan.FromMinutes(5));
        await WaitUntilAsync(() => engine!.Issues.Count(IssueStatus.Resolved) == 1, "the check to resolve the issue");
    }

    [Fact]
    public async Task A_check_that_opens_an_issue_wakes_the_responders_without_waiting_for_their_interval()
    {
        workspace.WriteRules("r.yaml", """
            assertions: [ { name: broken, schedule: "* * * * * *", check: "false" } ]
            responders: [ { watch: broken, actions: [ { log: "now" } ] } ]
            """);
        var scheduler = Start();

        workspace.Clock.Advance(TimeSpan.FromSeconds(1));

        await WaitUntilAsync(() => engine!.Issues.Find(new()).SingleOrDefault()?.Actions.Count == 1, "the action");
        Assert.Single(engine!.Issues.Find(new()).Single().Actions);
    }

    private Engine? engine;

    private EngineScheduler Start(bool runWhenLoaded = false, TimeSpan? respondInterval = null, RecordingLoggerFactory? logs = null)
    {
        engine = workspace.OpenEngine(logs is null ? null : workspace.Options with { LoggerFactory = logs });
        var scheduler = new EngineScheduler(engine, new SchedulerOptions { RespondInterval = respondInterval ?? TimeSpan.FromHours(1), RunWhenLoaded = runWhenLoaded });
        running = scheduler.RunAsync(stop.Token);
        return scheduler;
    }

    private static RuleStatus Status(EngineScheduler scheduler, string name) => scheduler.Status().Single(status => status.Name == name);

    private static Task WaitForRunsAsync(EngineScheduler scheduler, string name, long runs) =>
        WaitUntilAsync(() => Status(scheduler, name).Runs >= runs, $"{name} to run {runs} time(s)");

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 200; i++)
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"Waited 5 s for {what}.");
    }
}
