using System.Text.Json;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Robustness;

/// <summary>The command line given a wrong rules path, or rule code that writes to the console; and its text for people.</summary>
public sealed class CommandLineRobustnessTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task A_rules_path_naming_a_file_is_reported_as_a_file_not_a_directory()
    {
        var file = workspace.WriteRules("a.yaml", "assertions: [ { name: a, check: 'true' } ]");

        var check = await EngineProcess.RunAsync(workspace.Root, "check", "--rules", file);
        var validate = await EngineProcess.RunAsync(workspace.Root, "validate", "--rules", file);

        var expected = $"The rules directory '{file}' is a file, not a directory: give --rules the folder that holds the rule files, such as '{workspace.RulesDirectory}'.";
        Assert.Equal((2, expected), (check.ExitCode, check.Stderr.Trim()));
        Assert.Equal((2, expected), (validate.ExitCode, validate.Stderr.Trim()));
    }

    [Fact]
    public async Task A_missing_rules_directory_is_reported_before_the_store_is_created()
    {
        var missing = Path.Combine(workspace.Root, "no-such-rules");

        var check = await EngineProcess.RunAsync(workspace.Root, "check", "--rules", missing, "--store", workspace.StorePath, "--json");

        Assert.Equal(2, check.ExitCode);
        var expected = $"The rules directory '{missing}' does not exist: create it, or give --rules the folder that holds the rule files.";
        Assert.Equal(expected, check.Stderr.Trim());
        Assert.Equal(expected, JsonDocument.Parse(check.Stdout).RootElement.GetProperty("error").GetString());
        Assert.False(File.Exists(workspace.StorePath));
    }

    [Fact]
    public async Task With_json_what_rule_code_writes_to_the_console_goes_to_stderr_and_stdout_holds_only_the_json()
    {
        workspace.WriteRules("chatty.yaml", """
            assertions:
              - name: chatty
                check: |
                  Console.WriteLine("hello from the check");
                  return false;
            responders:
              - watch: chatty
                actions:
                  - name: say hello
                    run: |
                      Console.Out.Write("hello from the action");
                      return "done";
            """);

        var check = await EngineProcess.RunAsync(workspace.Root, "check", "--json");
        var respond = await EngineProcess.RunAsync(workspace.Root, "respond", "--json");

        Assert.Equal(1, check.ExitCode);
        Assert.Equal(1, JsonDocument.Parse(check.Stdout).RootElement.GetProperty("failed").GetInt32());
        Assert.Contains("hello from the check", check.Stderr);
        Assert.Equal(0, respond.ExitCode);
        Assert.Equal(1, JsonDocument.Parse(respond.Stdout).RootElement.GetProperty("succeeded").GetInt32());
        Assert.Contains("hello from the action", respond.Stderr);
    }

    [Fact]
    public async Task Issues_show_prints_details_as_written_without_json_escapes()
    {
        await EngineProcess.RunAsync(workspace.Root, "issues", "open", "disk full", "--details", """{"note": "it's <full> & more"}""");

        var show = await EngineProcess.RunAsync(workspace.Root, "issues", "show", "1");

        Assert.Equal(0, show.ExitCode);
        Assert.Contains("""  details:    {"note":"it's <full> & more"}""", show.Stdout);
    }
}
