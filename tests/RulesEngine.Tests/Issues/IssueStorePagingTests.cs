using RulesEngine.Issues;

namespace RulesEngine.Tests.Issues;

/// <summary>Listing one rule's or one status's issues page by page, as the dashboard does, through index ranges.</summary>
public sealed class IssueStorePagingTests : IDisposable
{
    private readonly StoreFolder _folder = new();
    private readonly IssueStore _store;

    public IssueStorePagingTests() => _store = _folder.Open();

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void Find_by_name_matches_the_whole_name_only()
    {
        var disk = Open("disk");
        Open("disk full");
        var diskRecord = Open("disk", "sda");
        _store.Resolve(disk, "passed");

        Assert.Equal([diskRecord, disk], Ids(new IssueQuery { Name = "disk" }));
        Assert.Equal([diskRecord], Ids(new IssueQuery { Name = "disk", Status = IssueStatus.Open }));
        Assert.Empty(Ids(new IssueQuery { Name = "dis" }));
    }

    [Fact]
    public void Before_and_after_an_id_page_older_and_newer_newest_first()
    {
        var ids = Enumerable.Range(1, 7).Select(i => Open($"issue {i}")).ToArray();

        Assert.Equal([ids[4], ids[3]], Ids(new IssueQuery { BeforeId = ids[5], Limit = 2 }));
        Assert.Equal([ids[3], ids[2]], Ids(new IssueQuery { AfterId = ids[1], Limit = 2 }));
        Assert.Equal([ids[6], ids[5]], Ids(new IssueQuery { AfterId = ids[4] }));
        Assert.Equal([ids[2]], Ids(new IssueQuery { BeforeId = ids[3], AfterId = ids[1] }));
        Assert.Empty(Ids(new IssueQuery { BeforeId = ids[0] }));
    }

    [Fact]
    public void Paging_by_status_and_by_name_keeps_to_the_status_and_the_name()
    {
        var open = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            var id = Open("order unpaid", i.ToString());
            if (i % 2 == 0)
            {
                _store.Resolve(id, "paid");
            }
            else
            {
                open.Add(id);
            }

            Open("other");
        }

        Assert.Equal([open[2], open[1]], Ids(new IssueQuery { Status = IssueStatus.Open, Name = "order unpaid", Limit = 2 }));
        Assert.Equal([open[0]], Ids(new IssueQuery { Status = IssueStatus.Open, Name = "order unpaid", BeforeId = open[1] }));
        Assert.Equal([open[2]], Ids(new IssueQuery { Status = IssueStatus.Open, NamePrefix = "order", AfterId = open[1] }));
        Assert.Equal(3, Ids(new IssueQuery { Status = IssueStatus.Resolved }).Length);
    }

    [Fact]
    public void A_name_prefix_shared_by_many_issues_pages_newest_first_as_one_shared_by_few()
    {
        var failures = Enumerable.Range(0, 1200).Select(i => new RecordFailure(i.ToString(), null)).ToList();
        _store.ApplyModelPass("order unpaid", "shop", new ModelPassChanges(failures, [], []));
        var few = Open("order lost");
        var newest = Open("order unpaid");
        Open("other");

        Assert.Equal([newest, few, newest - 2], Ids(new IssueQuery { NamePrefix = "order", Limit = 3 }));
        Assert.Equal([few], Ids(new IssueQuery { NamePrefix = "order l" }));
        Assert.Equal([newest - 2], Ids(new IssueQuery { NamePrefix = "order u", Status = IssueStatus.Open, BeforeId = few, Limit = 1 }));
    }

    [Theory]
    [InlineData(null, null, "_id")]
    [InlineData(IssueStatus.Open, null, "StatusOrder")]
    [InlineData(IssueStatus.Resolved, "disk", "NameOrder")]
    public void A_page_of_all_issues_one_status_or_one_rule_walks_an_index_range_in_id_order(
        IssueStatus? status, string? name, string index)
    {
        var plan = _store.ExplainFind(new IssueQuery { Status = status, Name = name, BeforeId = 1000 });

        Assert.Contains($"\"name\":\"{index}\"", plan);
        Assert.Contains("INDEX RANGE SCAN", plan);
        Assert.DoesNotContain("\"orderBy\"", plan);
    }

    [Fact]
    public void Count_reads_the_status_index_and_counts_a_status_with_no_issue_as_zero()
    {
        Open("a");

        Assert.Equal(1, _store.Count(IssueStatus.Open));
        Assert.Equal(0, _store.Count(IssueStatus.WontFix));
    }

    private long Open(string name, string? recordKey = null) =>
        _store.MaybeOpen(new IssueKey(name, recordKey), null, recordKey is null ? null : "shop").Issue.Id;

    private long[] Ids(IssueQuery query) => _store.Find(query).Select(issue => issue.Id).ToArray();
}
