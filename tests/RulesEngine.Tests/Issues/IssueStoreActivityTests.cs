using RulesEngine.Issues;

namespace RulesEngine.Tests.Issues;

/// <summary>Issues opened and resolved per period, for the dashboard's chart.</summary>
public sealed class IssueStoreActivityTests : IDisposable
{
    private readonly StoreFolder _folder = new();
    private readonly IssueStore _store;

    public IssueStoreActivityTests() => _store = _folder.Open();

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void Activity_counts_openings_and_resolutions_per_hour_with_empty_hours_present()
    {
        var early = Open("disk");                      // 12:00
        _folder.Time.Advance(TimeSpan.FromMinutes(30));
        Open("memory");                                // 12:30
        _folder.Time.Advance(TimeSpan.FromHours(2));
        _store.Resolve(early, "passed");               // 14:30
        Open("cpu");                                   // 14:30

        var activity = _store.Activity(StoreFolder.Start.AddMinutes(-90), TimeSpan.FromHours(1));

        Assert.Equal(
            [
                new IssueActivity(StoreFolder.Start.AddHours(-2), 0, 0),
                new IssueActivity(StoreFolder.Start.AddHours(-1), 0, 0),
                new IssueActivity(StoreFolder.Start, 2, 0),
                new IssueActivity(StoreFolder.Start.AddHours(1), 0, 0),
                new IssueActivity(StoreFolder.Start.AddHours(2), 1, 1),
            ],
            activity);
    }

    [Fact]
    public void Activity_leaves_out_what_happened_before_the_start_and_reopened_issues_resolutions()
    {
        Open("old");
        _folder.Time.Advance(TimeSpan.FromMinutes(45));
        var reopened = Open("flapping");
        _store.Resolve(reopened, "passed");
        _store.Reopen(reopened);

        var activity = _store.Activity(StoreFolder.Start.AddMinutes(30), TimeSpan.FromHours(1));

        Assert.Equal([new IssueActivity(StoreFolder.Start, 1, 0)], activity);
    }

    private long Open(string name) => _store.MaybeOpen(new IssueKey(name), null).Issue.Id;
}
