using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Robustness;

/// <summary>
/// Rule code that ends the process in a way the loader cannot see (Environment.Exit called through reflection): the
/// real executable says so and exits 70, never the 0 the rule asked for, so a supervisor restarts it.
/// </summary>
public sealed class UnrequestedExitTests : IDisposable
{
    private const string Logged = "crit: RulesEngine.Host.Cli.ProcessExitGuard[500] The process is ending without a stop "
        + "request; rule code may have called Environment.Exit({0}). It exits with code 70 instead, so that a supervisor sees a failure.";

    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task Check_whose_rule_ends_the_process_through_reflection_exits_70_and_says_why_on_stderr()
    {
        WriteQuitter(exitCode: 0);

        var check = await EngineProcess.RunAsync(workspace.Root, "check");
        var list = await EngineProcess.RunAsync(workspace.Root, "issues", "list");

        Assert.Equal(70, check.ExitCode);
        Assert.Contains(string.Format(Logged, 0), check.Stderr);

        // The lines of the rules that ran before it, and no summary: the check never finished.
        Assert.StartsWith("Loaded 2 rules from 1 file in rules.\n", check.Stdout.ReplaceLineEndings("\n"));
        Assert.DoesNotContain(" passed, ", check.Stdout);

        // The store was not closed: it is opened again with the log LiteDB left beside it.
        Assert.Equal(0, list.ExitCode);
    }

    [Fact]
    public async Task A_sidecar_whose_rule_ends_the_process_exits_70_and_logs_it_at_critical()
    {
        WriteQuitter(exitCode: 3);

        var run = await EngineProcess.RunAsync(workspace.Root, "run", "--urls", "http://127.0.0.1:0");

        Assert.Equal(70, run.ExitCode);
        Assert.Contains(string.Format(Logged, 3), run.Stdout);
    }

    [Fact]
    public async Task Commands_that_end_normally_keep_their_exit_codes()
    {
        workspace.WriteRules("fine.yaml", "assertions: [ { name: fine, check: 'true' } ]");

        var check = await EngineProcess.RunAsync(workspace.Root, "check");
        var usage = await EngineProcess.RunAsync(workspace.Root, "check", "--no-such-option");
        var missing = await EngineProcess.RunAsync(workspace.Root, "issues", "show", "7");

        Assert.Equal((0, 2, 2), (check.ExitCode, usage.ExitCode, missing.ExitCode));
        Assert.DoesNotContain("ProcessExitGuard", check.Stderr + usage.Stderr + missing.Stderr);
    }

    private void WriteQuitter(int exitCode) => workspace.WriteRules("quitter.yaml", $$"""
        assertions:
          - name: before
            check: "false"
          - name: quitter
            check: |
              typeof(Environment).GetMethod("Exit")!.Invoke(null, new object[] { {{exitCode}} });
              return true;
        """);
}
