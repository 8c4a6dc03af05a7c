using RulesEngine.Issues;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Cli;

/// <summary><c>rules-engine heartbeat</c>, run as a separate process on the workspace's store.</summary>
public sealed class HeartbeatCommandTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Theory]
    [InlineData(" ", "The heartbeat name is only white space; a name needs some text.")]
    [InlineData("billing\r", "The heartbeat name 'billing\\r' holds a control character (a tab or a line break, say) at position 8; a name is one line of text.")]
    public async Task A_name_an_issue_could_not_have_exits_2_and_records_nothing(string name, string expected)
    {
        var result = await EngineProcess.RunAsync(workspace.Root, "heartbeat", name);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, result.Stderr.TrimEnd());
        using var store = IssueStore.Open(workspace.StorePath);
        Assert.Empty(store.Heartbeats());
    }

    [Fact]
    public async Task A_store_another_process_holds_exits_2_pointing_at_the_sidecars_api_without_guessing_its_address()
    {
        using var held = IssueStore.Open(workspace.StorePath);

        var result = await EngineProcess.RunAsync(workspace.Root, "heartbeat", "billing");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"The issue store '{workspace.StorePath}' is in use by ", result.Stderr);
        Assert.EndsWith("While a sidecar holds it, beat through the sidecar: curl -X POST http://ADDRESS/api/heartbeats/NAME, "
            + "ADDRESS being where it listens (its --urls; 127.0.0.1:8080 by default).", result.Stderr.TrimEnd());
        Assert.Empty(held.Heartbeats());
    }
}
