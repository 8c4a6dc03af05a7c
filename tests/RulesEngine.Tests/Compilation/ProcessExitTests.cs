using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Compilation;

/// <summary>
/// Rule C# that would end the engine's process is refused when it loads, at its YAML line, and only its rule is lost.
/// None of these rules is ever run: without the refusal, running one would end the test process.
/// </summary>
public sealed class ProcessExitTests : IDisposable
{
    private const string Advice = "would end the engine's process, and every other rule with it: a check reports a " +
        "problem by returning false or throwing, an action by throwing";

    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Environment_exit_in_a_check_is_a_load_error_at_the_call()
    {
        var path = workspace.WriteRules("exit.yaml", """
            assertions:
              - name: quits
                check: "Environment.Exit(0); return true;"
              - name: later
                check: "true"
            """);
        using var engine = workspace.OpenEngine();

        var error = Assert.Single(engine.Rules.Errors);
        Assert.Equal((path, 3, 13, "quits"), (error.Location.File, error.Location.Line, error.Location.Column, error.Rule));
        Assert.Equal($"Environment.Exit {Advice}", error.Message);
        Assert.Equal(["later"], engine.Rules.Assertions.Select(rule => rule.Name));
    }

    [Fact]
    public void Every_form_of_exit_and_fail_fast_is_refused_in_checks_sources_and_actions()
    {
        workspace.WriteRules("exits.yaml", """
            assertions:
              - name: full name
                check: |
                  global::System.Environment.Exit(3);
                  return true;
              - name: fail fast
                check: |
                  Environment.FailFast("bye", new Exception("why"));
                  return true;
              - name: method group
                check: |
                  Action<int> quit = Environment.Exit;
                  return true;
            model_assertions:
              - name: source
                source: { csharp: "new[] { 1 }.Select(id => { Environment.FailFast(null); return new { id }; })" }
                key: id
                check: "true"
            responders:
              - name: action
                watch: anything
                actions:
                  - run: System.Environment.Exit(1)
            """);
        using var engine = workspace.OpenEngine();

        Assert.Equal(
            [
                ("full name", 4, 7, "Environment.Exit"),
                ("fail fast", 8, 7, "Environment.FailFast"),
                ("method group", 12, 26, "Environment.Exit"),
                ("source", 16, 51, "Environment.FailFast"),
                ("action", 23, 14, "Environment.Exit"),
            ],
            engine.Rules.Errors.Select(error => (error.Rule, error.Location.Line, error.Location.Column,
                error.Message.Replace($" {Advice}", ""))));
        Assert.Empty(engine.Rules.Assertions);
        Assert.Empty(engine.Rules.ModelAssertions);
        Assert.Empty(engine.Rules.Responders);
    }

    [Fact]
    public void Killing_the_current_process_is_refused()
    {
        workspace.WriteRules("kill.yaml", """
            assertions:
              - name: kill
                check: |
                  System.Diagnostics.Process.GetCurrentProcess().Kill();
                  return true;
              - name: kill tree
                check: |
                  (System.Diagnostics.Process.GetCurrentProcess())?.Kill(true);
                  return true;
            """);
        using var engine = workspace.OpenEngine();

        Assert.Equal(
            [("kill", 4, 7), ("kill tree", 8, 7)],
            engine.Rules.Errors.Select(error => (error.Rule, error.Location.Line, error.Location.Column)));
        Assert.All(engine.Rules.Errors, error => Assert.Equal($"Process.GetCurrentProcess().Kill {Advice}", error.Message));
    }

    [Fact]
    public void Killing_the_engines_process_found_by_id_or_kept_in_a_local_is_refused()
    {
        workspace.WriteRules("kill-local.yaml", """
            usings: [System.Diagnostics]
            assertions:
              - name: local
                check: |
                  var p = Process.GetCurrentProcess();
                  p.Kill();
                  return true;
              - name: by id
                check: |
                  Process.GetProcessById(Environment.ProcessId).Kill();
                  return true;
              - name: chain
                check: |
                  using var me = (Process.GetCurrentProcess());
                  var alias = me;
                  alias?.Kill(true);
                  return true;
              - name: id in a local
                check: |
                  var id = Process.GetCurrentProcess().Id;
                  Process target = null!;
                  target = Process.GetProcessById(id, ".");
                  Action stop = target.Kill;
                  return true;
              - name: pattern
                check: |
                  if (Process.GetCurrentProcess() is var self) { self.Kill(); }
                  return true;
            """);
        using var engine = workspace.OpenEngine();

        Assert.Equal(
            [
                ("local", 6, 7, "p.Kill (p holds Process.GetCurrentProcess())"),
                ("by id", 10, 7, "Process.GetProcessById(Environment.ProcessId).Kill"),
                ("chain", 16, 7, "alias.Kill (alias holds Process.GetCurrentProcess())"),
                ("id in a local", 23, 21, "target.Kill (target holds Process.GetProcessById(Environment.ProcessId))"),
                ("pattern", 27, 54, "self.Kill (self holds Process.GetCurrentProcess())"),
            ],
            engine.Rules.Errors.Select(error => (error.Rule, error.Location.Line, error.Location.Column,
                error.Message.Replace($" {Advice}", ""))));
        Assert.Empty(engine.Rules.Assertions);
    }

    [Fact]
    public void Killing_a_child_process_and_reading_the_engines_own_process_still_load()
    {
        workspace.WriteRules("children.yaml", """
            usings: [System.Diagnostics]
            assertions:
              - name: child
                check: |
                  var child = Process.Start("sleep", "5");
                  child.Kill(entireProcessTree: true);
                  return true;
              - name: child by id
                check: |
                  var started = Process.Start("sleep", "5");
                  if (started.Id != Environment.ProcessId) { Process.GetProcessById(started.Id).Kill(); }
                  return true;
              - name: memory
                check: |
                  using var me = Process.GetCurrentProcess();
                  return me.WorkingSet64 < 4_000_000_000 && me.Id == Environment.ProcessId;
            """);
        using var engine = workspace.OpenEngine();

        Assert.Empty(engine.Rules.Errors);
        Assert.Equal(["child", "child by id", "memory"], engine.Rules.Assertions.Select(rule => rule.Name));
    }

    [Fact]
    public void Members_that_only_share_a_name_with_the_refused_ones_still_load()
    {
        workspace.WriteRules("names.yaml", """
            assertions:
              - name: exit code
                check: Environment.ExitCode == 0 && new { Exit = 1, Kill = 2 }.Exit == 1
              - name: a child process
                check: |
                  Action<System.Diagnostics.Process> stop = child => child.Kill();
                  return nameof(Environment.Exit) == "Exit";
            """);
        using var engine = workspace.OpenEngine();

        Assert.Empty(engine.Rules.Errors);
        Assert.Equal(["exit code", "a child process"], engine.Rules.Assertions.Select(rule => rule.Name));
    }
}
