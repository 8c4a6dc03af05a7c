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
