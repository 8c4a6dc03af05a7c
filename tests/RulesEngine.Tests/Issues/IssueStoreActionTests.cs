using System.Text.Json.Nodes;
using RulesEngine.Issues;

namespace RulesEngine.Tests.Issues;

public sealed class IssueStoreActionTests : IDisposable
{
    private readonly StoreFolder _folder = new();
    private readonly IssueStore _store;

    public IssueStoreActionTests() => _store = _folder.Open();

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void A_started_action_is_recorded_before_it_completes()
    {
        var issue = _store.MaybeOpen(new IssueKey("disk full"), null).Issue;
        _folder.Time.Advance(TimeSpan.FromSeconds(30));

        var run = _store.StartAction(issue.Id, "pager", "0:page", attempt: 2);

        var stored = Assert.Single(_store.Get(issue.Id)!.Actions);
        Assert.Equal(run, stored);
        Assert.Equal(ActionOutcome.Started, stored.Outcome);
        Assert.Equal(StoreFolder.Start.AddSeconds(30), stored.StartedAt);
        Assert.Equal(("pager", "0:page", 2), (stored.Responder, stored.Action, stored.Attempt));
        Assert.Null(stored.CompletedAt);
    }

    [Fact]
    public void A_completed_action_keeps_its_outcome_time_and_details()
    {
        var issue = _store.MaybeOpen(new IssueKey("disk full"), null).Issue;
        var first = _store.StartAction(issue.Id, "pager", "0:page", 1);
        var second = _store.StartAction(issue.Id, "pager", "1:log", 1);
        _folder.Time.Advance(TimeSpan.FromSeconds(5));

        _store.CompleteAction(issue.Id, second.RunId, ActionOutcome.Failed, JsonValue.Create("timeout"));

        var actions = _store.Get(issue.Id)!.Actions;
        Assert.Equal([first.RunId, second.RunId], actions.Select(run => run.RunId));
        Assert.Equal(ActionOutcome.Started, actions[0].Outcome);
        Assert.Equal(ActionOutcome.Failed, actions[1].Outcome);
        Assert.Equal(StoreFolder.Start.AddSeconds(5), actions[1].CompletedAt);
        Assert.Equal("timeout", actions[1].Details!.GetValue<string>());
    }

    [Fact]
    public void Starting_an_action_on_a_missing_issue_says_which_issue()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => _store.StartAction(404, "pager", "0:page", 1));

        Assert.Contains("issue 404", error.Message);
    }

    [Fact]
    public void Completing_an_unknown_run_says_which_run()
    {
        var issue = _store.MaybeOpen(new IssueKey("disk full"), null).Issue;
        var runId = Guid.NewGuid();

        var error = Assert.Throws<KeyNotFoundException>(
            () => _store.CompleteAction(issue.Id, runId, ActionOutcome.Succeeded, null));

        Assert.Contains(runId.ToString(), error.Message);
    }
}
