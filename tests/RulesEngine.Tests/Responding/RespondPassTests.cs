using RulesEngine.Issues;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Responding;

/// <summary>The respond pass's bookkeeping: interrupted runs, concurrent passes, allow_retry beside retries.</summary>
public sealed class RespondPassTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task A_run_left_started_is_run_again_as_the_next_attempt_under_on_crash_retry()
    {
        var engine = Open("retry");
        var issue = engine.Issues.MaybeOpen(new IssueKey("disk full"), null).Issue;
        engine.Issues.StartAction(issue.Id, "r", "act", attempt: 1);

        var summary = await engine.RespondAsync();

        var runs = engine.Issues.Get(issue.Id)!.Actions;
        Assert.Equal([(ActionOutcome.Failed, 1), (ActionOutcome.Succeeded, 2)], runs.Select(run => (run.Outcome, run.Attempt)));
        Assert.True(runs[0].Details!["interrupted"]!.GetValue<bool>());
        Assert.Equal(2, Assert.Single(summary.Actions).Attempt);
    }

    [Fact]
    public async Task A_run_left_started_with_no_attempt_left_is_recorded_as_failed_and_not_run()
    {
        var engine = Open("retry", retries: 0);
        var issue = engine.Issues.MaybeOpen(new IssueKey("disk full"), null).Issue;
        engine.Issues.StartAction(issue.Id, "r", "act", attempt: 1);

        var summary = await engine.RespondAsync();

        var run = Assert.Single(engine.Issues.Get(issue.Id)!.Actions);
        Assert.Equal(ActionOutcome.Failed, run.Outcome);
        Assert.EndsWith("no attempt left (retries: 0)", run.Details!["error"]!.GetValue<string>());
        Assert.Equal(1, summary.Failed);
    }

    [Fact]
    public async Task A_run_left_started_under_on_crash_abandon_is_recorded_as_abandoned()
    {
        var engine = Open("abandon");
        var issue = engine.Issues.MaybeOpen(new IssueKey("disk full"), null).Issue;
        engine.Issues.StartAction(issue.Id, "r", "act", attempt: 1);

        var first = await engine.RespondAsync();
        var second = await engine.RespondAsync();

        var run = Assert.Single(engine.Issues.Get(issue.Id)!.Actions);
        Assert.Equal(ActionOutcome.Abandoned, run.Outcome);
        Assert.NotNull(run.CompletedAt);
        Assert.Equal(1, first.Abandoned);
        Assert.Empty(second.Actions);
    }

    [Fact]
    public async Task A_run_left_started_on_an_issue_resolved_since_is_abandoned_whatever_on_crash_says()
    {
        var engine = Open("retry");
        var issue = engine.Issues.MaybeOpen(new IssueKey("disk full"), null).Issue;
        engine.Issues.StartAction(issue.Id, "r", "act", attempt: 1);
        engine.Issues.Resolve(issue.Id, "fixed");

        var summary = await engine.RespondAsync();

        var run = Assert.Single(engine.Issues.Get(issue.Id)!.Actions);
        Assert.Equal(ActionOutcome.Abandoned, run.Outcome);
        Assert.EndsWith("not run again: the issue is no longer open", run.Details!["error"]!.GetValue<string>());
        Assert.Equal(1, summary.ClosedIssues);
        Assert.Empty(engine.Issues.IssuesAwaitingResponse());
    }

    [Fact]
    public async Task An_interrupted_on_resolve_run_of_an_issue_reopened_since_is_abandoned()
    {
        workspace.WriteRules("r.yaml", """
            responders:
              - name: r
                watch: disk
                actions: [ { name: act, log: "open" } ]
                on_resolve: [ { name: done, log: "resolved" } ]
            """);
        var engine = workspace.OpenEngine();
        var issue = engine.Issues.MaybeOpen(new IssueKey("disk full"), null).Issue;
        await engine.RespondAsync();
        engine.Issues.Resolve(issue.Id, "fixed");
        engine.Issues.StartAction(issue.Id, "r", "done", attempt: 1);
        engine.Issues.Reopen(issue.Id);

        await engine.RespondAsync();

        var done = engine.Issues.Get(issue.Id)!.Actions.Single(run => run.Action == "done");
        Assert.Equal(ActionOutcome.Abandoned, done.Outcome);
        Assert.EndsWith("not run again: the issue is no longer resolved", done.Details!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Two_passes_started_together_on_one_engine_run_an_action_once()
    {
        var engine = Open("retry");
        var issue = engine.Issues.MaybeOpen(new IssueKey("disk full"), null).Issue;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => engine.RespondAsync()));

        Assert.Single(engine.Issues.Get(issue.Id)!.Actions);
    }

    [Fact]
    public async Task With_allow_retry_a_failing_action_runs_once_on_every_pass_as_a_first_attempt()
    {
        workspace.WriteRules("r.yaml", """
            responders:
              - name: r
                watch: disk
                allow_retry: true
                actions:
                  - name: act
                    shell: { program: /bin/sh, args: ["-c", "exit 1"] }
            """);
        var engine = workspace.OpenEngine();
        var issue = engine.Issues.MaybeOpen(new IssueKey("disk full"), null).Issue;

        for (var pass = 0; pass < 3; pass++)
        {
            var summary = await engine.RespondAsync();
            Assert.Null(Assert.Single(summary.Actions).RetryAt);
        }

        Assert.Equal([1, 1, 1], engine.Issues.Get(issue.Id)!.Actions.Select(run => run.Attempt));
    }

    [Fact]
    public async Task Retry_delay_sets_the_first_wait_and_the_engine_caps_the_growth()
    {
        workspace.WriteRules("r.yaml", """
            responders:
              - name: r
                watch: disk
                actions:
                  - name: act
                    retries: 5
                    retry_delay: 10m
                    shell: { program: /bin/sh, args: ["-c", "exit 1"] }
            """);
        var engine = workspace.OpenEngine(workspace.Options with { MaxRetryDelay = TimeSpan.FromMinutes(30) });
        var issue = engine.Issues.MaybeOpen(new IssueKey("disk full"), null).Issue;
        var start = workspace.Clock.GetUtcNow();

        for (var minute = 0; minute <= 200; minute++)
        {
            await engine.RespondAsync();
            workspace.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var starts = engine.Issues.Get(issue.Id)!.Actions.Select(run => (run.StartedAt - start).TotalMinutes);
        Assert.Equal([0, 10, 30, 60, 90, 120], starts);
    }

    private Engine Open(string onCrash, int retries = 3)
    {
        workspace.WriteRules("r.yaml", $"""
            responders:
              - name: r
                watch: disk
                on_crash: {onCrash}
                actions:
                  - name: act
                    retries: {retries}
                    log: "disk trouble"
            """);
        var engine = workspace.OpenEngine();
        Assert.Empty(engine.Rules.Errors);
        return engine;
    }
}
