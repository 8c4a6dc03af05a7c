using RulesEngine.Issues;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Semantics;

/// <summary>Behaviours 14 to 21 of docs/semantics.md: responders.</summary>
public sealed class ResponderSemanticsTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task S14_a_responder_has_a_watch_pattern_and_a_list_of_actions_that_run_on_matching_issues()
    {
        workspace.WriteRules("r.yaml", """
            responders:
              - watch: "queue"
                actions:
                  - log: "first"
                  - run: return "second";
            """);
        using var engine = workspace.OpenEngine();
        var issue = engine.Issues.MaybeOpen(new IssueKey("queue stuck"), null).Issue;

        var summary = await engine.RespondAsync();

        Assert.Equal(2, summary.Succeeded);
        var runs = engine.Issues.Get(issue.Id)!.Actions;
        Assert.Equal(["0:log", "1:run"], runs.Select(run => run.Action));
        Assert.Equal("second", runs[1].Details!.GetValue<string>());
    }

    [Fact]
    public async Task S15_the_watch_pattern_matches_at_the_start_of_the_issue_name()
    {
        workspace.WriteRules("r.yaml", """
            responders:
              - name: prefix
                watch: disk
                actions: [ { log: "disk" } ]
              - name: whole
                watch: disk$
                actions: [ { log: "exactly disk" } ]
            """);
        using var engine = workspace.OpenEngine();
        var diskFull = engine.Issues.MaybeOpen(new IssueKey("disk full"), null).Issue;
        var fullDisk = engine.Issues.MaybeOpen(new IssueKey("full disk"), null).Issue;
        var disk = engine.Issues.MaybeOpen(new IssueKey("disk"), null).Issue;

        await engine.RespondAsync();

        Assert.Equal(["prefix"], engine.Issues.Get(diskFull.Id)!.Actions.Select(run => run.Responder));
        Assert.Empty(engine.Issues.Get(fullDisk.Id)!.Actions);
        Assert.Equal(["prefix", "whole"], engine.Issues.Get(disk.Id)!.Actions.Select(run => run.Responder).Order());
    }

    [Fact]
    public async Task S16_responding_walks_every_open_issue_against_every_responder()
    {
        workspace.WriteRules("r.yaml", """
            responders:
              - { name: a, watch: "x", actions: [ { log: "a" } ] }
              - { name: b, watch: "x.*2", actions: [ { log: "b" } ] }
            """);
        using var engine = workspace.OpenEngine();
        var first = engine.Issues.MaybeOpen(new IssueKey("x1"), null).Issue;
        var second = engine.Issues.MaybeOpen(new IssueKey("x2"), null).Issue;
        var resolved = engine.Issues.MaybeOpen(new IssueKey("x3"), null).Issue;
        engine.Issues.Resolve(resolved.Id, "test");

        var summary = await engine.RespondAsync();

        Assert.Equal(2, summary.OpenIssues);
        Assert.Equal(["a"], engine.Issues.Get(first.Id)!.Actions.Select(run => run.Responder));
        Assert.Equal(["a", "b"], engine.Issues.Get(second.Id)!.Actions.Select(run => run.Responder));
        Assert.Empty(engine.Issues.Get(resolved.Id)!.Actions);
    }

    [Fact]
    public async Task S17_an_action_is_due_once_creation_time_plus_its_delay_has_passed_and_due_actions_run_in_order_of_delay()
    {
        workspace.WriteRules("r.yaml", """
            responders:
              - watch: slow
                actions:
                  - { name: after an hour, delay: 1h, log: "1h" }
                  - { name: at once, log: "0" }
                  - { name: after half an hour, delay: 30m, log: "30m" }
            """);
        using var engine = workspace.OpenEngine();
        var issue = engine.Issues.MaybeOpen(new IssueKey("slow"), null).Issue;

        await engine.RespondAsync();
        var atOnce = engine.Issues.Get(issue.Id)!.Actions.Select(run => run.Action).ToList();
        workspace.Clock.Advance(TimeSpan.FromMinutes(29));
        await engine.RespondAsync();
        var before30m = engine.Issues.Get(issue.Id)!.Actions.Count;
        workspace.Clock.Advance(TimeSpan.FromHours(2));
        await engine.RespondAsync();

        Assert.Equal(["at once"], atOnce);
        Assert.Equal(1, before30m);
        Assert.Equal(["at once", "after half an hour", "after an hour"], engine.Issues.Get(issue.Id)!.Actions.Select(run => run.Action));
    }

    [Fact]
    public async Task S18_without_allow_retry_an_action_runs_once_per_issue_and_with_it_on_every_pass()
    {
        workspace.WriteRules("r.yaml", """
            responders:
              - { name: once, watch: "once", actions: [ { log: "x" } ] }
              - { name: every pass, watch: "again", allow_retry: true, actions: [ { log: "x" } ] }
            """);
        using var engine = workspace.OpenEngine();
        var once = engine.Issues.MaybeOpen(new IssueKey("once"), null).Issue;
        var again = engine.Issues.MaybeOpen(new IssueKey("again"), null).Issue;

        for (var pass = 0; pass < 3; pass++)
        {
            await engine.RespondAsync();
        }

        Assert.Single(engine.Issues.Get(once.Id)!.Actions);
        Assert.Equal(3, engine.Issues.Get(again.Id)!.Actions.Count);
    }

    [Fact]
    public async Task S19_every_run_of_an_action_is_recorded_with_its_time_outcome_and_details()
    {
        workspace.WriteRules("r.yaml", """
            responders:
              - watch: billing
                actions:
                  - name: restart
                    run: return new { restarted = Issue.Name, at = Now };
            """);
        using var engine = workspace.OpenEngine();
        var issue = engine.Issues.MaybeOpen(new IssueKey("billing down"), null).Issue;

        await engine.RespondAsync();

        var run = Assert.Single(engine.Issues.Get(issue.Id)!.Actions);
        Assert.Equal(ActionOutcome.Succeeded, run.Outcome);
        Assert.Equal(workspace.Clock.GetUtcNow(), run.StartedAt);
        Assert.Equal(workspace.Clock.GetUtcNow(), run.CompletedAt);
        Assert.Equal("billing down", run.Details!["restarted"]!.GetValue<string>());
    }

    [Fact]
    public async Task S20_an_action_that_throws_is_recorded_as_a_failure_and_stops_no_other_action_or_responder()
    {
        workspace.WriteRules("r.yaml", """
            responders:
              - name: broken
                watch: outage
                actions:
                  - name: explode
                    run: |
                      throw new InvalidOperationException("mail server unreachable");
                  - { name: still runs, delay: 1s, log: "next" }
              - { name: other, watch: outage, actions: [ { log: "other" } ] }
            """);
        using var engine = workspace.OpenEngine();
        var issue = engine.Issues.MaybeOpen(new IssueKey("outage"), null).Issue;
        workspace.Clock.Advance(TimeSpan.FromSeconds(1));

        var summary = await engine.RespondAsync();

        Assert.Equal(1, summary.Failed);
        Assert.Equal(2, summary.Succeeded);
        var runs = engine.Issues.Get(issue.Id)!.Actions;
        var failed = runs.Single(run => run.Action == "explode");
        Assert.Equal(ActionOutcome.Failed, failed.Outcome);
        Assert.Contains("mail server unreachable", failed.Details!["error"]!.GetValue<string>());
        Assert.Contains("r.yaml:7:", failed.Details!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task S21_a_responder_written_as_a_JSON_document_runs_as_one_written_in_YAML()
    {
        workspace.WriteRules("r.json", """
            { "responders": [ { "watch": "json", "actions": [ { "delay": "0s", "run": "return Issue.Name.Length;" } ] } ] }
            """);
        using var engine = workspace.OpenEngine();
        var issue = engine.Issues.MaybeOpen(new IssueKey("json issue"), null).Issue;

        await engine.RespondAsync();

        var run = Assert.Single(engine.Issues.Get(issue.Id)!.Actions);
        Assert.Equal(ActionOutcome.Succeeded, run.Outcome);
        Assert.Equal(10, run.Details!.GetValue<int>());
    }
}
