using RulesEngine.Issues;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Cli;

/// <summary><c>rules-engine issues</c>, run as a separate process on the workspace's store.</summary>
public sealed class IssuesCommandTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task Reopen_while_a_newer_issue_has_the_key_exits_2_naming_it_on_stderr()
    {
        long first, second;
        using (var store = IssueStore.Open(workspace.StorePath))
        {
            first = store.MaybeOpen(new IssueKey("twin"), null).Issue.Id;
            store.Resolve(first, "fixed");
            second = store.MaybeOpen(new IssueKey("twin"), null).Issue.Id;
        }

        var result = await EngineProcess.RunAsync(workspace.Root, "issues", "reopen", $"{first}");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith($"Issue {first} cannot be reopened: issue {second} with the same name 'twin' is already open",
            result.Stderr);
        using var reopened = IssueStore.Open(workspace.StorePath);
        Assert.Equal(IssueStatus.Resolved, reopened.Get(first)!.Status);
    }
}
