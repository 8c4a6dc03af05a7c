using System.Net;
using System.Net.Http.Json;
using RulesEngine.Issues;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Sidecar;

/// <summary>The real sidecar process on a temp rules directory and a free port, observed through its API.</summary>
public sealed class SidecarTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task A_failing_rule_opens_an_issue_and_a_zero_delay_action_runs_within_a_second()
    {
        workspace.WriteRules("rules.yaml", """
            assertions:
              - { name: queue stuck, schedule: "* * * * * *", check: "false" }
            responders:
              - { watch: queue, actions: [ { name: page, run: "return \"paged\";" } ] }
            """);
        await using var sidecar = await SidecarProcess.StartAsync(workspace);

        await sidecar.WaitUntilAsync(async () => (await sidecar.IssuesAsync("status=Open")).Count == 1, TimeSpan.FromSeconds(10), "the issue");
        var issue = (await sidecar.IssuesAsync("status=Open"))[0]!;
        var opened = issue["createdAt"]!.GetValue<DateTimeOffset>();
        await sidecar.WaitUntilAsync(async () => (await sidecar.GetJsonAsync($"/api/issues/{issue["id"]}"))["actions"]!.AsArray().Count == 1,
            TimeSpan.FromSeconds(5), "the action");

        var run = (await sidecar.GetJsonAsync($"/api/issues/{issue["id"]}"))["actions"]![0]!;
        Assert.Equal("Succeeded", run["outcome"]!.GetValue<string>());
        Assert.True(run["startedAt"]!.GetValue<DateTimeOffset>() - opened < TimeSpan.FromSeconds(1),
            $"opened {opened:O}, action started {run["startedAt"]}");
    }

    [Fact]
    public async Task Editing_a_rule_through_a_temp_file_and_rename_changes_behaviour_within_two_seconds()
    {
        var path = workspace.WriteRules("rules.yaml", """
            assertions:
              - { name: flag, schedule: "* * * * * *", check: "false" }
            """);
        await using var sidecar = await SidecarProcess.StartAsync(workspace);
        await sidecar.WaitUntilAsync(async () => (await sidecar.IssuesAsync("status=Open")).Count == 1, TimeSpan.FromSeconds(10), "the issue");

        var temporary = path + ".tmp~";
        File.WriteAllText(temporary, """
            assertions:
              - { name: flag, schedule: "* * * * * *", check: "true" }
            """);
        File.Move(temporary, path, overwrite: true);
        var changed = DateTimeOffset.UtcNow;

        await sidecar.WaitUntilAsync(async () => (await sidecar.IssuesAsync("status=Resolved")).Count == 1, TimeSpan.FromSeconds(5), "the resolution");
        var resolved = (await sidecar.IssuesAsync("status=Resolved"))[0]!["resolvedAt"]!.GetValue<DateTimeOffset>();
        Assert.True(resolved - changed < TimeSpan.FromSeconds(2) + TimeSpan.FromSeconds(1),
            $"changed at {changed:O}, resolved at {resolved:O}: the reload (under 2 s) plus the next one-second run");
    }

    [Fact]
    public async Task Breaking_a_file_keeps_its_last_good_version_running_and_reports_the_error()
    {
        var path = workspace.WriteRules("rules.yaml", """
            assertions:
              - { name: counter, schedule: "* * * * * *", check: "false" }
            """);
        workspace.WriteRules("other.yaml", "assertions: [ { name: other, schedule: '* * * * * *', check: 'true' } ]");
        await using var sidecar = await SidecarProcess.StartAsync(workspace);

        File.WriteAllText(path, """
            assertions:
              - { name: counter, schedule: "* * * * * *", check: "false &&" }
            """);
        await sidecar.WaitUntilAsync(async () => (await sidecar.GetJsonAsync("/api/rules"))["reload"]!["success"]!.GetValue<bool>() == false,
            TimeSpan.FromSeconds(5), "the failed reload");

        var rules = await sidecar.GetJsonAsync("/api/rules");
        var error = rules["reload"]!["errors"]![0]!;
        Assert.Equal(path, error["location"]!["file"]!.GetValue<string>());
        Assert.Equal(2, error["location"]!["line"]!.GetValue<int>());
        Assert.Equal("counter", error["rule"]!.GetValue<string>());
        var runsBefore = Runs(rules, "counter");
        await Task.Delay(2500);
        var runsAfter = Runs(await sidecar.GetJsonAsync("/api/rules"), "counter");
        Assert.True(runsAfter > runsBefore, "the last good version of 'counter' keeps running");
        var metrics = await sidecar.Client.GetStringAsync("/metrics");
        Assert.Contains("rules_engine_last_reload_success 0", metrics);
    }

    [Fact]
    public async Task Deleting_a_file_stops_its_rules_and_keeps_their_issues()
    {
        var path = workspace.WriteRules("doomed.yaml", "assertions: [ { name: doomed, schedule: '* * * * * *', check: 'false' } ]");
        workspace.WriteRules("kept.yaml", "assertions: [ { name: kept, schedule: '* * * * * *', check: 'true' } ]");
        await using var sidecar = await SidecarProcess.StartAsync(workspace);
        await sidecar.WaitUntilAsync(async () => (await sidecar.IssuesAsync("status=Open")).Count == 1, TimeSpan.FromSeconds(10), "the issue");

        File.Delete(path);

        await sidecar.WaitUntilAsync(async () => !(await sidecar.GetJsonAsync("/api/rules"))["rules"]!.AsArray().Any(rule => rule!["name"]!.GetValue<string>() == "doomed"),
            TimeSpan.FromSeconds(3), "the rule to stop");
        Assert.Equal("doomed", (await sidecar.IssuesAsync("status=Open"))[0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_spinning_check_times_out_while_another_rule_keeps_its_schedule()
    {
        workspace.WriteRules("rules.yaml", """
            assertions:
              - name: spins forever
                schedule: "* * * * * *"
                timeout: 1s
                check: |
                  while (true) { }
              - { name: steady, schedule: "* * * * * *", check: "true" }
            """);
        await using var sidecar = await SidecarProcess.StartAsync(workspace);

        await Task.Delay(4000);
        var rules = await sidecar.GetJsonAsync("/api/rules");

        var spinning = Rule(rules, "spins forever");
        Assert.Contains("timeout", spinning["lastRun"]!["error"]!.GetValue<string>());
        Assert.True(Runs(rules, "steady") >= 3, $"steady ran {Runs(rules, "steady")} times in 4 s");
    }

    [Fact]
    public async Task Sigterm_exits_0_and_leaves_the_store_consistent_and_unlocked()
    {
        workspace.WriteRules("rules.yaml", "assertions: [ { name: failing, schedule: '* * * * * *', check: 'false' } ]");
        await using var sidecar = await SidecarProcess.StartAsync(workspace);
        await sidecar.WaitUntilAsync(async () => (await sidecar.IssuesAsync("status=Open")).Count == 1, TimeSpan.FromSeconds(10), "the issue");
        var posted = await sidecar.Client.PostAsJsonAsync("/api/issues", new { name = "posted before stop", details = new { n = 1 } });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

        var exitCode = await sidecar.TerminateAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(0, exitCode);
        using var store = IssueStore.Open(workspace.StorePath);
        Assert.Equal(["failing", "posted before stop"], store.Find(new IssueQuery()).Select(issue => issue.Name).Order());
    }

    [Fact]
    public async Task Sigterm_lets_an_action_in_progress_finish_within_the_grace_period()
    {
        var started = Path.Combine(workspace.Root, "started");
        var finished = Path.Combine(workspace.Root, "finished");
        workspace.WriteRules("rules.yaml", $$"""
            responders:
              - watch: slow
                actions:
                  - name: takes three seconds
                    run: |
                      File.WriteAllText("{{started}}", "");
                      Thread.Sleep(3000);
                      File.WriteAllText("{{finished}}", "");
            """);
        await using var sidecar = await SidecarProcess.StartAsync(workspace);
        await sidecar.Client.PostAsJsonAsync("/api/issues", new { name = "slow" });
        await sidecar.WaitUntilAsync(() => Task.FromResult(File.Exists(started)), TimeSpan.FromSeconds(10), "the action to start");

        var exitCode = await sidecar.TerminateAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(0, exitCode);
        Assert.True(File.Exists(finished), "the action was cut short instead of finishing within the grace period");
        using var store = IssueStore.Open(workspace.StorePath);
        Assert.Equal(ActionOutcome.Succeeded, store.Find(new IssueQuery()).Single().Actions.Single().Outcome);
    }

    private static System.Text.Json.Nodes.JsonNode Rule(System.Text.Json.Nodes.JsonNode rules, string name) =>
        rules["rules"]!.AsArray().Single(rule => rule!["name"]!.GetValue<string>() == name)!;

    private static long Runs(System.Text.Json.Nodes.JsonNode rules, string name) => Rule(rules, name)["runs"]!.GetValue<long>();
}
