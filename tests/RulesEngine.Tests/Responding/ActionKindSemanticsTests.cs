using System.Diagnostics;
using RulesEngine.Issues;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Responding;

/// <summary>
/// What every action kind does the same way, shown against real targets: an HTTP server, an SMTP server, real
/// programs. Retries, repeats and resolutions are driven by the fake clock: they are due at later passes.
/// </summary>
public sealed class ActionKindSemanticsTests : IAsyncLifetime
{
    private readonly Workspace workspace = new();
    private ActionTargets targets = null!;

    public async Task InitializeAsync() => targets = await ActionTargets.StartAsync();

    public async Task DisposeAsync()
    {
        await targets.DisposeAsync();
        workspace.Dispose();
    }

    [Theory]
    [MemberData(nameof(ActionTargets.Kinds), MemberType = typeof(ActionTargets))]
    public async Task A_successful_run_is_recorded_with_its_details(string kind)
    {
        var (engine, issue) = Open(Responder(kind, TargetBehaviour.Succeed));

        var summary = await engine.RespondAsync();

        var run = Assert.Single(engine.Issues.Get(issue.Id)!.Actions);
        Assert.Equal((ActionOutcome.Succeeded, 1), (run.Outcome, run.Attempt));
        Assert.NotNull(run.Details);
        Assert.Equal(1, summary.Succeeded);
        Assert.True(targets.Deliveries(kind) is 1 or -1);
    }

    [Theory]
    [MemberData(nameof(ActionTargets.Kinds), MemberType = typeof(ActionTargets))]
    public async Task A_failed_run_is_recorded_with_its_error(string kind)
    {
        var (engine, issue) = Open(Responder(kind, TargetBehaviour.Fail));

        var summary = await engine.RespondAsync();

        var run = Assert.Single(engine.Issues.Get(issue.Id)!.Actions);
        Assert.Equal(ActionOutcome.Failed, run.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(run.Details!["error"]!.GetValue<string>()));
        Assert.Equal(summary.Actions.Single().Error, run.Details!["error"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(ActionTargets.Kinds), MemberType = typeof(ActionTargets))]
    public async Task A_failed_action_is_retried_with_exponential_backoff_then_given_up(string kind)
    {
        var (engine, issue) = Open(Responder(kind, TargetBehaviour.Fail));
        var start = workspace.Clock.GetUtcNow();

        var first = await engine.RespondAsync();
        workspace.Clock.Advance(TimeSpan.FromSeconds(59));
        var tooEarly = await engine.RespondAsync();
        foreach (var wait in new[] { 1, 2, 4 })
        {
            workspace.Clock.Advance(TimeSpan.FromMinutes(wait) - (wait == 1 ? TimeSpan.FromSeconds(59) : TimeSpan.Zero));
            await engine.RespondAsync();
        }

        workspace.Clock.Advance(TimeSpan.FromHours(2));
        var afterGivingUp = await engine.RespondAsync();

        var runs = engine.Issues.Get(issue.Id)!.Actions;
        Assert.Equal([1, 2, 3, 4], runs.Select(run => run.Attempt));
        Assert.All(runs, run => Assert.Equal(ActionOutcome.Failed, run.Outcome));
        Assert.Equal([0, 1, 3, 7], runs.Select(run => (run.StartedAt - start).TotalMinutes));
        Assert.Equal(start.AddMinutes(1), first.Actions.Single().RetryAt);
        Assert.Empty(tooEarly.Actions);
        Assert.Empty(afterGivingUp.Actions);
    }

    [Theory]
    [MemberData(nameof(ActionTargets.Kinds), MemberType = typeof(ActionTargets))]
    public async Task On_resolve_actions_run_once_when_an_issue_the_responder_acted_on_is_resolved(string kind)
    {
        var (engine, issue) = Open($"""
            responders:
              - name: tell
                watch: disk
                actions:
                  - name: opened
                    {targets.Action(kind, TargetBehaviour.Succeed)}
                on_resolve:
                  - name: resolved
                    {targets.Action(kind, TargetBehaviour.Succeed)}
            """);
        var neverActedOn = engine.Issues.MaybeOpen(new IssueKey("disk gone"), null).Issue;
        engine.Issues.Resolve(neverActedOn.Id, "fixed before any pass");

        await engine.RespondAsync();
        var beforeResolution = engine.Issues.Get(issue.Id)!.Actions.Count;
        workspace.Clock.Advance(TimeSpan.FromMinutes(5));
        engine.Issues.Resolve(issue.Id, "the check passed");
        var resolvedPass = await engine.RespondAsync();
        workspace.Clock.Advance(TimeSpan.FromHours(1));
        var laterPass = await engine.RespondAsync();

        var runs = engine.Issues.Get(issue.Id)!.Actions;
        Assert.Equal(1, beforeResolution);
        Assert.Equal(["opened", "resolved"], runs.Select(run => run.Action));
        Assert.All(runs, run => Assert.Equal(ActionOutcome.Succeeded, run.Outcome));
        Assert.Equal(1, resolvedPass.ClosedIssues);
        Assert.Empty(laterPass.Actions);
        Assert.Equal(0, laterPass.ClosedIssues);
        Assert.Empty(engine.Issues.Get(neverActedOn.Id)!.Actions);
        Assert.Empty(engine.Issues.IssuesAwaitingResponse());
        Assert.True(targets.Deliveries(kind) is 2 or -1);
    }

    [Theory]
    [MemberData(nameof(ActionTargets.Kinds), MemberType = typeof(ActionTargets))]
    public async Task Repeat_runs_the_action_again_at_its_interval_while_the_issue_stays_open(string kind)
    {
        var (engine, issue) = Open($"""
            responders:
              - name: remind
                watch: disk
                actions:
                  - name: remind
                    repeat: 4h
                    {targets.Action(kind, TargetBehaviour.Succeed)}
            """);
        var start = workspace.Clock.GetUtcNow();

        foreach (var step in new[] { 0, 239, 1, 240 })
        {
            workspace.Clock.Advance(TimeSpan.FromMinutes(step));
            await engine.RespondAsync();
        }

        engine.Issues.Resolve(issue.Id, "fixed");
        workspace.Clock.Advance(TimeSpan.FromHours(4));
        await engine.RespondAsync();

        var runs = engine.Issues.Get(issue.Id)!.Actions;
        Assert.Equal([0, 4, 8], runs.Select(run => (run.StartedAt - start).TotalHours));
        Assert.All(runs, run => Assert.Equal((ActionOutcome.Succeeded, 1), (run.Outcome, run.Attempt)));
        Assert.True(targets.Deliveries(kind) is 3 or -1);
    }

    [Theory]
    [MemberData(nameof(ActionTargets.Kinds), MemberType = typeof(ActionTargets))]
    public async Task An_action_that_runs_past_its_timeout_is_stopped_and_fails(string kind)
    {
        workspace.WriteRules("r.yaml", $"""
            responders:
              - name: hang
                watch: disk
                actions:
                  - name: hang
                    timeout: 1s
                    {targets.Action(kind, TargetBehaviour.Hang)}
            """);
        var engine = workspace.OpenEngine(workspace.Options with { TimeProvider = TimeProvider.System });
        var issue = engine.Issues.MaybeOpen(new IssueKey("disk full"), null).Issue;
        var clock = Stopwatch.StartNew();

        await engine.RespondAsync();

        var run = Assert.Single(engine.Issues.Get(issue.Id)!.Actions);
        Assert.Equal(ActionOutcome.Failed, run.Outcome);
        Assert.Contains("timeout", run.Details!["error"]!.GetValue<string>());
        // The timeout's timer may fire a millisecond before the stopwatch reaches 1 s: the floor only shows the
        // action was given its time rather than failing at once.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(6));
    }

    private string Responder(string kind, TargetBehaviour behaviour) => $"""
        responders:
          - name: act
            watch: disk
            actions:
              - name: act
                {targets.Action(kind, behaviour)}
        """;

    private (Engine Engine, Issue Issue) Open(string rules)
    {
        workspace.WriteRules("r.yaml", rules);
        var engine = workspace.OpenEngine();
        Assert.Empty(engine.Rules.Errors);
        return (engine, engine.Issues.MaybeOpen(new IssueKey("disk full"), null).Issue);
    }
}
