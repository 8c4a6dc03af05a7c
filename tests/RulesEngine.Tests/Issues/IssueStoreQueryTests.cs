using LiteDB;
using RulesEngine.Issues;

namespace RulesEngine.Tests.Issues;

public sealed class IssueStoreQueryTests : IDisposable
{
    private readonly StoreFolder _folder = new();
    private readonly IssueStore _store;

    public IssueStoreQueryTests() => _store = _folder.Open();

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void Find_filters_by_status_name_prefix_and_record_key_newest_first()
    {
        var diskA = Open("disk full");
        var diskB = Open("disk slow");
        var order1 = Open("order unpaid", "1");
        var order2 = Open("order unpaid", "2");
        _store.Resolve(diskB, "fast again");

        Assert.Equal([order2, order1, diskB, diskA], Ids(new IssueQuery()));
        Assert.Equal([order2, order1, diskA], Ids(new IssueQuery { Status = IssueStatus.Open }));
        Assert.Equal([diskB, diskA], Ids(new IssueQuery { NamePrefix = "disk" }));
        Assert.Equal([diskA], Ids(new IssueQuery { NamePrefix = "disk", Status = IssueStatus.Open }));
        Assert.Equal([order2], Ids(new IssueQuery { RecordKey = "2" }));
        Assert.Empty(Ids(new IssueQuery { NamePrefix = "order", RecordKey = "3" }));
    }

    [Fact]
    public void Find_name_prefix_is_ordinal_and_takes_like_wildcards_literally()
    {
        var underscore = Open("disk_full");
        Open("diskXfull");
        Open("Disk_full");
        var percent = Open("100% cpu");
        Open("1000 cpu");

        Assert.Equal([underscore], Ids(new IssueQuery { NamePrefix = "disk_" }));
        Assert.Equal([percent], Ids(new IssueQuery { NamePrefix = "100%" }));
        Assert.Empty(Ids(new IssueQuery { NamePrefix = "DISK" }));
    }

    [Fact]
    public void Find_name_prefix_excludes_the_name_just_above_the_range()
    {
        var inside = Open("ab");
        Open("ac");
        Open("b");

        Assert.Equal([inside], Ids(new IssueQuery { NamePrefix = "ab" }));
        Assert.Equal(2, Ids(new IssueQuery { NamePrefix = "a" }).Length);
    }

    [Fact]
    public void Find_pages_with_skip_and_limit()
    {
        var ids = Enumerable.Range(1, 5).Select(i => Open($"issue {i}")).ToArray();

        Assert.Equal([ids[3], ids[2]], Ids(new IssueQuery { Skip = 1, Limit = 2 }));
        Assert.Equal([ids[0]], Ids(new IssueQuery { Skip = 4, Limit = 2 }));
        Assert.Empty(Ids(new IssueQuery { Limit = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => _store.Find(new IssueQuery { Skip = -1 }));
    }

    [Fact]
    public void Count_counts_the_issues_of_a_status()
    {
        Open("a");
        Open("b");
        _store.MarkWontFix(Open("c"));
        _store.Resolve(Open("d"), "passed");

        Assert.Equal(2, _store.Count(IssueStatus.Open));
        Assert.Equal(1, _store.Count(IssueStatus.WontFix));
        Assert.Equal(1, _store.Count(IssueStatus.Resolved));
    }

    [Fact]
    public void Open_issues_are_listed_oldest_first()
    {
        var first = Open("z first");
        var second = Open("a second");
        _store.Resolve(Open("resolved"), "passed");
        _store.MarkWontFix(Open("wont fix"));
        var third = Open("m third");

        Assert.Equal([first, second, third], _store.OpenIssues().Select(issue => issue.Id));
    }

    [Fact]
    public void Open_issue_summaries_give_each_open_issues_id_name_and_creation_time_oldest_first()
    {
        var first = Open("z first");
        var second = Open("a second", "7");
        _store.Resolve(Open("resolved"), "passed");
        _store.MarkWontFix(Open("wont fix"));
        var reopened = Open("reopened");
        _store.Resolve(reopened, "passed");
        _store.Reopen(reopened);

        var summaries = _store.OpenIssueSummaries();

        var expected = new[] { first, second, reopened }.Select(id => _store.Get(id)!)
            .Select(issue => new IssueSummary(issue.Id, issue.Name, issue.CreatedAt));
        Assert.Equal(expected, summaries);
    }

    [Fact]
    public void Unresolved_issues_by_record_hold_the_open_and_wont_fix_issues_of_that_name()
    {
        var open = Open("order unpaid", "1");
        var wontFix = Open("order unpaid", "2");
        _store.MarkWontFix(wontFix);
        _store.Resolve(Open("order unpaid", "3"), "paid");
        Open("order unpaid");
        Open("order unpaid twice", "4");
        Open("order", "5");

        var byRecord = _store.UnresolvedIssuesByRecord("order unpaid");

        Assert.Equal(["1", "2"], byRecord.Keys.Order());
        Assert.Equal(open, byRecord["1"].Id);
        Assert.Equal(IssueStatus.WontFix, byRecord["2"].Status);
    }

    [Fact]
    public void Count_of_a_query_is_how_many_issues_match_whatever_its_skip_and_limit()
    {
        Open("disk full");
        var slow = Open("disk slow");
        Open("order unpaid", "1");
        Open("order unpaid", "2");
        _store.Resolve(slow, "fast again");

        Assert.Equal(4, _store.Count(new IssueQuery { Limit = 1 }));
        Assert.Equal(3, _store.Count(new IssueQuery { Status = IssueStatus.Open, Skip = 2 }));
        Assert.Equal(2, _store.Count(new IssueQuery { NamePrefix = "disk", Limit = 0 }));
        Assert.Equal(1, _store.Count(new IssueQuery { NamePrefix = "disk", Status = IssueStatus.Resolved }));
        Assert.Equal(2, _store.Count(new IssueQuery { Name = "order unpaid" }));
        Assert.Equal(1, _store.Count(new IssueQuery { RecordKey = "2" }));
        Assert.Equal(1, _store.Count(new IssueQuery { BeforeId = slow }));
    }

    [Fact]
    public void Unresolved_issues_by_record_prefer_the_wont_fix_issue_of_a_record()
    {
        using var folder = new StoreFolder();
        var (old, _) = TwoUnresolvedForOneRecord(folder, IssueStatus.WontFix);
        using var store = folder.Open();

        var byRecord = store.UnresolvedIssuesByRecord("order unpaid");

        Assert.Equal(old, byRecord["1"].Id);
        Assert.Equal(OpenDisposition.WontFix, store.MaybeOpen(new IssueKey("order unpaid", "1"), null).Disposition);
    }

    [Fact]
    public void Unresolved_issues_by_record_give_the_oldest_of_two_open_issues_as_maybe_open_does()
    {
        using var folder = new StoreFolder();
        var (old, newer) = TwoUnresolvedForOneRecord(folder, IssueStatus.Open);
        using var store = folder.Open();

        var byRecord = store.UnresolvedIssuesByRecord("order unpaid");

        Assert.Equal(old, byRecord["1"].Id);
        Assert.Equal(old, store.MaybeOpen(new IssueKey("order unpaid", "1"), null).Issue.Id);
        Assert.NotEqual(old, newer);
    }

    /// <summary>
    /// Two unresolved issues for one record, as a store written before reopening such an issue was refused can hold:
    /// the old issue is resolved, a newer one opened, then the old one is set back to <paramref name="status"/> in the
    /// file itself, the store being closed.
    /// </summary>
    private static (long Old, long Newer) TwoUnresolvedForOneRecord(StoreFolder folder, IssueStatus status)
    {
        long old, newer;
        using (var store = folder.Open())
        {
            old = store.MaybeOpen(new IssueKey("order unpaid", "1"), null, "shop").Issue.Id;
            store.Resolve(old, "paid");
            newer = store.MaybeOpen(new IssueKey("order unpaid", "1"), null, "shop").Issue.Id;
        }

        using var database = new LiteDatabase($"Filename={folder.StorePath};Connection=direct");
        var issues = database.GetCollection("issues");
        var document = issues.FindById(old);
        document["Status"] = status.ToString();
        document["ResolvedAt"] = BsonValue.Null;
        document["UnresolvedKey"] = issues.FindById(newer)["UnresolvedKey"];
        issues.Update(document);
        return (old, newer);
    }

    private long Open(string name, string? recordKey = null) =>
        _store.MaybeOpen(new IssueKey(name, recordKey), null, recordKey is null ? null : "shop").Issue.Id;

    private long[] Ids(IssueQuery query) => _store.Find(query).Select(issue => issue.Id).ToArray();
}
