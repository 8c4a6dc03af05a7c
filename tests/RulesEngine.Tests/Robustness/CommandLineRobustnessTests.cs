using System.Text.Json;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Robustness;

/// <summary>The command line given a wrong rules path.</summary>
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
}
