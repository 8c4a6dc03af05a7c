using System.Text.Json.Nodes;
using RulesEngine.Issues;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Semantics;

/// <summary>Behaviours 6 and 22 to 24 of docs/semantics.md: opening issues directly, and the check and respond commands.</summary>
public sealed class CommandSemanticsTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task S06_any_code_can_open_an_issue_directly_from_the_command_line_and_from_the_library()
    {
        var fromShell = await EngineProcess.RunAsync(workspace.Root, "issues", "open", "nightly export failed", "--details", "{\"rows\": 0}", "--json");

        Assert.Equal(0, fromShell.ExitCode);
        using (var store = IssueStore.Open(workspace.StorePath))
        {
            var issue = Assert.Single(store.Find(new IssueQuery()));
            Assert.Equal("nightly export failed", issue.Name);
            Assert.Equal(0, issue.Details!["rows"]!.GetValue<int>());

            var fromLibrary = store.MaybeOpen(new IssueKey("cache cold"), new JsonObject { ["hits"] = 0 });
            Assert.Equal(OpenDisposition.Created, fromLibrary.Disposition);
        }

        var listed = await EngineProcess.RunAsync(workspace.Root, "issues", "list", "--status", "Open");
        Assert.Contains("nightly export failed", listed.Stdout);
        Assert.Contains("cache cold", listed.Stdout);
    }

    [Fact]
    public async Task S22_check_runs_every_assertion_and_model_assertion_once_and_reports_how_many_failed()
    {
        File.WriteAllText(Path.Combine(workspace.Root, "items.json"), """[{"id": "a", "ok": true}, {"id": "b", "ok": false}]""");
        workspace.WriteRules("rules.yaml", """
            assertions:
              - { name: holds, check: "true" }
              - { name: fails, check: "false" }
            model_assertions:
              - name: items ok
                source: { json: ../items.json }
                key: id
                fields: { id: string, ok: bool }
                check: record.ok
            """);

        var result = await EngineProcess.RunAsync(workspace.Root, "check");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("1 passed, 2 failed, 0 errors", result.Stdout);
        using var store = IssueStore.Open(workspace.StorePath);
        Assert.Equal(["fails", "items ok"], store.Find(new IssueQuery()).Select(issue => issue.Name).Order());
    }

    [Fact]
    public async Task S22_check_exits_0_when_every_rule_holds_and_2_when_a_rule_is_broken()
    {
        workspace.WriteRules("good.yaml", "assertions: [ { name: fine, check: \"true\" } ]");
        var holding = await EngineProcess.RunAsync(workspace.Root, "check");

        workspace.WriteRules("bad.yaml", "assertions: [ { name: broken, check: \"this is not C#\" } ]");
        var broken = await EngineProcess.RunAsync(workspace.Root, "check");

        Assert.Equal(0, holding.ExitCode);
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("bad.yaml:1:", broken.Stderr);
        Assert.Contains("broken", broken.Stderr);
        Assert.Contains("PASS  fine", broken.Stdout);
    }

    [Fact]
    public async Task Check_prints_each_count_with_its_noun_in_the_right_number()
    {
        File.WriteAllText(Path.Combine(workspace.Root, "items.json"), """[{"id": "a", "ok": false}]""");
        workspace.WriteRules("rules.yaml", """
            assertions:
              - { name: throws, check: "int.Parse(\"x\") == 1" }
            model_assertions:
              - name: items ok
                source: { json: ../items.json }
                key: id
                fields: { id: string, ok: bool }
                check: record.ok
            """);

        var result = await EngineProcess.RunAsync(workspace.Root, "check");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Loaded 2 rules from 1 file in ", result.Stdout);
        Assert.Contains("1/1 record failing", result.Stdout);
        Assert.Contains("0 passed, 1 failed, 1 error", result.Stdout);
        Assert.DoesNotContain("(s)", result.Stdout);
    }

    [Fact]
    public async Task Check_counts_the_load_errors_of_a_file_that_did_not_load_in_both_summary_lines()
    {
        workspace.WriteRules("good.yaml", "assertions: [ { name: fine, check: \"true\" } ]");
        workspace.WriteRules("cut.yaml", "assertions: [");

        var result = await EngineProcess.RunAsync(workspace.Root, "check");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Loaded 1 rule from 1 file in rules; 1 error in 1 file, on stderr.", result.Stdout);
        Assert.EndsWith("1 passed, 0 failed, 0 errors; 1 load error, on stderr", result.Stdout.TrimEnd());
        Assert.Contains($"{Path.Combine("rules", "cut.yaml")}:1:14: malformed YAML: ", result.Stderr);
    }

    [Fact]
    public async Task Check_prints_each_rules_line_as_soon_as_it_has_run()
    {
        workspace.WriteRules("rules.yaml", """
            assertions:
              - { name: a quick one, check: "true" }
              - { name: z slow one, timeout: 60s, check: "Thread.Sleep(60_000); return true;" }
            """);
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workspace.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(EngineProcess.AssemblyPath);
        start.ArgumentList.Add("check");
        using var process = System.Diagnostics.Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();

        try
        {
            var lines = new List<string>();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(45));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line && !line.StartsWith("PASS  a quick one", StringComparison.Ordinal))
            {
                lines.Add(line);
            }

            // The slow rule sleeps for a minute: the quick one's line came while the check was still running.
            Assert.False(process.HasExited, string.Join('\n', lines));
            Assert.StartsWith("Loaded 2 rules from 1 file in rules.", Assert.Single(lines));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task S23_respond_runs_every_responder_once_over_the_open_issues()
    {
        workspace.WriteRules("rules.yaml", """
            responders:
              - watch: export
                actions:
                  - run: return "rerun scheduled";
            """);
        await EngineProcess.RunAsync(workspace.Root, "issues", "open", "export failed");

        var first = await EngineProcess.RunAsync(workspace.Root, "respond");
        var second = await EngineProcess.RunAsync(workspace.Root, "respond");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("1 action succeeded", first.Stdout);
        Assert.Contains("0 actions succeeded", second.Stdout);
        using var store = IssueStore.Open(workspace.StorePath);
        var run = Assert.Single(Assert.Single(store.Find(new IssueQuery())).Actions);
        Assert.Equal("rerun scheduled", run.Details!.GetValue<string>());
    }

    [Fact]
    public async Task S24_check_and_respond_run_periodically_without_piling_up_issues_or_repeating_actions()
    {
        // The sidecar's schedules are tested with the sidecar; here, what makes periodic runs safe: repeating both
        // commands converges on one issue with each action run once.
        workspace.WriteRules("rules.yaml", """
            assertions:
              - { name: backlog too big, check: "false" }
            responders:
              - { watch: backlog, actions: [ { log: "tell the team" } ] }
            """);

        for (var round = 0; round < 3; round++)
        {
            await EngineProcess.RunAsync(workspace.Root, "check");
            await EngineProcess.RunAsync(workspace.Root, "respond");
        }

        using var store = IssueStore.Open(workspace.StorePath);
        var issue = Assert.Single(store.Find(new IssueQuery()));
        Assert.Single(issue.Actions);
    }
}
