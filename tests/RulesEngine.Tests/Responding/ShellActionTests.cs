using System.Diagnostics;
using RulesEngine.Issues;
using RulesEngine.Responding;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Responding;

/// <summary>Shell actions against real programs.</summary>
public sealed class ShellActionTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task Arguments_are_argv_entries_and_issue_data_is_never_read_as_shell_syntax()
    {
        var engine = Open("""
            shell:
              program: /bin/sh
              args: ["-c", 'printf "%s|%s|%s" "$1" "$ISSUE_NAME" "$GREETING"', "sh", "{{ issue.name }}"]
              env: { GREETING: "hello {{ issue.details.user }}" }
            """);
        var issue = engine.Issues.MaybeOpen(new IssueKey("disk $(touch pwned) `id`"), Details("""{"user": "ann; rm -rf /"}""")).Issue;

        await engine.RespondAsync();

        var run = Assert.Single(engine.Issues.Get(issue.Id)!.Actions);
        Assert.Equal(ActionOutcome.Succeeded, run.Outcome);
        Assert.Equal("disk $(touch pwned) `id`|disk $(touch pwned) `id`|hello ann; rm -rf /",
            run.Details!["stdout"]!.GetValue<string>());
        Assert.Equal(0, run.Details!["exit_code"]!.GetValue<int>());
        Assert.False(File.Exists(Path.Combine(workspace.RulesDirectory, "pwned")));
    }

    [Fact]
    public async Task The_program_runs_in_the_rule_files_folder_with_the_issue_in_its_environment()
    {
        var engine = Open("""
            shell: { program: /bin/sh, args: ["-c", 'pwd; echo "$ISSUE_ID $ISSUE_STATUS $RESPONDER_NAME $ACTION_NAME $ACTION_ATTEMPT"; echo "$ISSUE_JSON"'] }
            """);
        var issue = engine.Issues.MaybeOpen(new IssueKey("disk full"), null).Issue;

        await engine.RespondAsync();

        var lines = engine.Issues.Get(issue.Id)!.Actions.Single().Details!["stdout"]!.GetValue<string>().Split('\n');
        Assert.Equal(Path.GetFullPath(workspace.RulesDirectory), lines[0]);
        Assert.Equal($"{issue.Id} Open shell act 1", lines[1]);
        Assert.Equal("disk full", System.Text.Json.Nodes.JsonNode.Parse(lines[2])!["issue"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Details_too_large_for_the_environment_are_replaced_by_a_note_and_the_program_still_runs()
    {
        var engine = Open("""
            shell: { program: /bin/sh, args: ["-c", 'echo "$ISSUE_DETAILS"; echo "$ISSUE_JSON"'] }
            """);
        var issue = engine.Issues.MaybeOpen(new IssueKey("disk full"), Details($$"""{"blob": "{{new string('x', 200_000)}}"}""")).Issue;

        await engine.RespondAsync();

        var run = Assert.Single(engine.Issues.Get(issue.Id)!.Actions);
        Assert.Equal(ActionOutcome.Succeeded, run.Outcome);
        var lines = run.Details!["stdout"]!.GetValue<string>().Split('\n');
        const string Note = "the details are 200,011 bytes of JSON, more than the 65,536 a program is given in its environment; read them from ISSUE_URL";
        Assert.Equal(Note, System.Text.Json.Nodes.JsonNode.Parse(lines[0])!["cut"]!.GetValue<string>());
        Assert.Equal(Note, System.Text.Json.Nodes.JsonNode.Parse(lines[1])!["issue"]!["details"]!["cut"]!.GetValue<string>());
        Assert.Equal(200_000, engine.Issues.Get(issue.Id)!.Details!["blob"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task An_argument_too_long_for_linux_fails_saying_so_with_its_size()
    {
        var engine = Open("""shell: { program: /bin/echo, args: ["{{ issue.details.blob }}"] }""");
        var issue = engine.Issues.MaybeOpen(new IssueKey("disk full"), Details($$"""{"blob": "{{new string('x', 200_000)}}"}""")).Issue;

        await engine.RespondAsync();

        var run = engine.Issues.Get(issue.Id)!.Actions.First();
        Assert.Equal(ActionOutcome.Failed, run.Outcome);
        Assert.Matches(@"^'/bin/echo' could not be started: its arguments and environment are [\d,]+ bytes, and Linux takes at most 128 KiB in one of them",
            run.Details!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_non_zero_exit_fails_with_the_code_and_the_end_of_stderr()
    {
        var engine = Open("""shell: { program: /bin/sh, args: ["-c", "echo out; echo 'disk still full' >&2; exit 3"] }""");
        var issue = engine.Issues.MaybeOpen(new IssueKey("disk full"), null).Issue;

        var summary = await engine.RespondAsync();

        var run = Assert.Single(engine.Issues.Get(issue.Id)!.Actions);
        Assert.Equal(ActionOutcome.Failed, run.Outcome);
        Assert.Equal("'/bin/sh' exited with code 3", run.Details!["error"]!.GetValue<string>());
        Assert.Equal(3, run.Details!["exit_code"]!.GetValue<int>());
        Assert.Equal("disk still full\n", run.Details!["stderr"]!.GetValue<string>());
        Assert.Equal("out\n", run.Details!["stdout"]!.GetValue<string>());
        Assert.Equal("'/bin/sh' exited with code 3", summary.Actions.Single().Error);
    }

    [Fact]
    public async Task Only_the_last_4_KB_of_output_are_kept()
    {
        var engine = Open("""shell: { program: /usr/bin/seq, args: ["1", "100000"] }""");
        var issue = engine.Issues.MaybeOpen(new IssueKey("disk full"), null).Issue;

        await engine.RespondAsync();

        var stdout = engine.Issues.Get(issue.Id)!.Actions.Single().Details!["stdout"]!.GetValue<string>();
        Assert.StartsWith(OutputTail.Cut, stdout);
        Assert.Equal(4096 + OutputTail.Cut.Length, stdout.Length);
        Assert.EndsWith("99999\n100000\n", stdout);
    }

    [Fact]
    public async Task A_program_that_cannot_start_fails_saying_so()
    {
        var engine = Open("""shell: { program: ./no-such-script.sh }""");
        var issue = engine.Issues.MaybeOpen(new IssueKey("disk full"), null).Issue;

        await engine.RespondAsync();

        var error = engine.Issues.Get(issue.Id)!.Actions.Single().Details!["error"]!.GetValue<string>();
        Assert.StartsWith($"'{Path.Combine(Path.GetFullPath(workspace.RulesDirectory), "no-such-script.sh")}' could not be started", error);
    }

    [Fact]
    public async Task At_its_timeout_the_program_is_killed_with_every_process_it_started()
    {
        var pidFile = Path.Combine(workspace.Root, "child.pid");
        var engine = Open($$"""
            timeout: 1s
            shell: { program: /bin/sh, args: ["-c", "sleep 60 & echo $! > {{pidFile}}; echo started; wait"] }
            """, TimeProvider.System);
        var issue = engine.Issues.MaybeOpen(new IssueKey("disk full"), null).Issue;

        await engine.RespondAsync();

        var run = Assert.Single(engine.Issues.Get(issue.Id)!.Actions);
        Assert.Equal(ActionOutcome.Failed, run.Outcome);
        Assert.Equal("'/bin/sh' was still running at the action's timeout; it was killed with every process it started",
            run.Details!["error"]!.GetValue<string>());
        Assert.Equal("started\n", run.Details!["stdout"]!.GetValue<string>());
        var child = int.Parse(File.ReadAllText(pidFile).Trim());
        Assert.True(HasExited(child), $"the background child {child} is still running");
    }

    private static System.Text.Json.Nodes.JsonNode Details(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!;

    private static bool HasExited(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    /// <param name="action">The action's keys after its name, as YAML at the action's indentation.</param>
    private Engine Open(string action, TimeProvider? clock = null)
    {
        var indented = string.Join("\n", action.Split('\n').Select(line => "        " + line));
        workspace.WriteRules("r.yaml", $"""
            responders:
              - name: shell
                watch: disk
                actions:
                  - name: act
            {indented}
            """);
        var engine = workspace.OpenEngine(workspace.Options with { TimeProvider = clock ?? workspace.Clock });
        Assert.Empty(engine.Rules.Errors);
        return engine;
    }
}
