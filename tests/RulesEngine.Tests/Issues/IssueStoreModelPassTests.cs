using System.Diagnostics;
using System.Text.Json.Nodes;
using RulesEngine.Issues;
using Xunit.Abstractions;

namespace RulesEngine.Tests.Issues;

public sealed class IssueStoreModelPassTests : IDisposable
{
    private const string Name = "order unpaid";

    private readonly StoreFolder _folder = new();
    private readonly IssueStore _store;
    private readonly ITestOutputHelper _output;

    public IssueStoreModelPassTests(ITestOutputHelper output)
    {
        _store = _folder.Open();
        _output = output;
    }

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void A_model_pass_opens_refreshes_and_resolves_in_one_call()
    {
        var stillFailing = _store.MaybeOpen(new IssueKey(Name, "1"), Details(1), "shop").Issue;
        var nowPassing = _store.MaybeOpen(new IssueKey(Name, "2"), Details(2), "shop").Issue;
        _folder.Time.Advance(TimeSpan.FromMinutes(10));

        _store.ApplyModelPass(Name, "shop", new ModelPassChanges(
            Open: [new RecordFailure("3", Details(3))],
            Refresh: [new IssueUpdate(stillFailing.Id, Details(10))],
            Resolve: [new IssueUpdate(nowPassing.Id, Details(20), "the record passed")]));

        var refreshed = _store.Get(stillFailing.Id)!;
        Assert.Equal(10, refreshed.Details!["amount"]!.GetValue<int>());
        Assert.Equal(StoreFolder.Start.AddMinutes(10), refreshed.LastSeenAt);
        var resolved = _store.Get(nowPassing.Id)!;
        Assert.Equal(IssueStatus.Resolved, resolved.Status);
        Assert.Equal("the record passed", resolved.Resolution);
        Assert.Equal(StoreFolder.Start.AddMinutes(10), resolved.ResolvedAt);
        Assert.Equal(20, resolved.Details!["amount"]!.GetValue<int>());
        var opened = _store.UnresolvedIssuesByRecord(Name)["3"];
        Assert.Equal(new IssueRecord("shop", "3"), opened.Record);
        Assert.Equal(IssueStatus.Open, opened.Status);
        Assert.Equal(StoreFolder.Start.AddMinutes(10), opened.CreatedAt);
    }

    [Fact]
    public void A_resolution_without_details_keeps_the_issues_details()
    {
        var issue = _store.MaybeOpen(new IssueKey(Name, "1"), Details(1), "shop").Issue;

        _store.ApplyModelPass(Name, "shop", new ModelPassChanges([], [], [new IssueUpdate(issue.Id, null, "gone")]));

        Assert.Equal(1, _store.Get(issue.Id)!.Details!["amount"]!.GetValue<int>());
    }

    [Fact]
    public void A_model_pass_that_fails_changes_nothing()
    {
        var issue = _store.MaybeOpen(new IssueKey(Name, "1"), Details(1), "shop").Issue;
        var caseClash = new JsonObject { ["amount"] = 1, ["Amount"] = 2 };

        var error = Assert.Throws<InvalidDetailsException>(() => _store.ApplyModelPass(Name, "shop", new ModelPassChanges(
            Open: [new RecordFailure("2", Details(2))],
            Refresh: [],
            Resolve: [new IssueUpdate(issue.Id, caseClash, "passed")])));

        Assert.Contains("'amount' and 'Amount'", error.Message);
        Assert.Equal(IssueStatus.Open, _store.Get(issue.Id)!.Status);
        Assert.Equal(["1"], _store.UnresolvedIssuesByRecord(Name).Keys);
        Assert.Equal(1, _store.Count(IssueStatus.Open));
    }

    [Fact]
    public void A_model_pass_leaves_an_issue_marked_wont_fix_since_the_pass_read_it()
    {
        var issue = _store.MaybeOpen(new IssueKey(Name, "1"), Details(1), "shop").Issue;
        _store.MarkWontFix(issue.Id);

        _store.ApplyModelPass(Name, "shop", new ModelPassChanges(
            [], [new IssueUpdate(issue.Id, Details(5))], [new IssueUpdate(issue.Id, null, "passed")]));

        var read = _store.Get(issue.Id)!;
        Assert.Equal(IssueStatus.WontFix, read.Status);
        Assert.Equal(1, read.Details!["amount"]!.GetValue<int>());
        Assert.Null(read.Resolution);
    }

    [Fact]
    public void A_model_pass_opens_no_second_issue_for_a_record_that_got_one_since_the_pass_read_its_issues()
    {
        var resolved = _store.MaybeOpen(new IssueKey(Name, "2"), Details(2), "shop").Issue;
        _store.Resolve(resolved.Id, "paid");
        var read = _store.UnresolvedIssuesByRecord(Name);

        // While the pass checks its records: the API opens record 1's issue, a person reopens record 2's.
        var fromApi = _store.MaybeOpen(new IssueKey(Name, "1"), Details(1), "api").Issue;
        _store.Reopen(resolved.Id);
        var opened = _store.ApplyModelPass(Name, "shop", new ModelPassChanges(
            Open: [new RecordFailure("1", Details(10)), new RecordFailure("2", Details(20)), new RecordFailure("3", Details(30))],
            Refresh: [],
            Resolve: []));

        Assert.Empty(read);
        Assert.Equal(1, opened);
        var byRecord = _store.UnresolvedIssuesByRecord(Name);
        Assert.Equal([fromApi.Id, resolved.Id], [byRecord["1"].Id, byRecord["2"].Id]);
        Assert.Equal(3, _store.Count(IssueStatus.Open));
        Assert.Equal(30, byRecord["3"].Details!["amount"]!.GetValue<int>());
    }

    [Fact]
    public void A_model_pass_changes_only_issues_of_its_own_assertion()
    {
        var other = _store.MaybeOpen(new IssueKey("disk full"), Details(1)).Issue;

        _store.ApplyModelPass(Name, "shop", new ModelPassChanges([], [], [new IssueUpdate(other.Id, null, "passed")]));

        Assert.Equal(IssueStatus.Open, _store.Get(other.Id)!.Status);
    }

    [Fact]
    public void A_model_pass_opens_ten_thousand_issues()
    {
        var failures = Enumerable.Range(0, 10_000).Select(i => new RecordFailure($"{i}", Details(i))).ToList();

        var stopwatch = Stopwatch.StartNew();
        _store.ApplyModelPass(Name, "shop", new ModelPassChanges(failures, [], []));
        _output.WriteLine($"10,000 opens in {stopwatch.ElapsedMilliseconds} ms");

        stopwatch.Restart();
        var byRecord = _store.UnresolvedIssuesByRecord(Name);
        _output.WriteLine($"read back in {stopwatch.ElapsedMilliseconds} ms");
        Assert.Equal(10_000, byRecord.Count);
        Assert.Equal(10_000, _store.Count(IssueStatus.Open));
        Assert.Equal(9_999, byRecord["9999"].Details!["amount"]!.GetValue<int>());

        stopwatch.Restart();
        var resolutions = byRecord.Values.Select(issue => new IssueUpdate(issue.Id, null, "paid")).ToList();
        _store.ApplyModelPass(Name, "shop", new ModelPassChanges([], [], resolutions));
        _output.WriteLine($"10,000 resolutions in {stopwatch.ElapsedMilliseconds} ms");
        Assert.Equal(10_000, _store.Count(IssueStatus.Resolved));
        Assert.Empty(_store.UnresolvedIssuesByRecord(Name));
    }

    private static JsonObject Details(int amount) => new() { ["amount"] = amount };
}
