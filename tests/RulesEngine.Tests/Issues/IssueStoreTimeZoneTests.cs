using LiteDB;
using RulesEngine.Issues;

namespace RulesEngine.Tests.Issues;

/// <summary>Tests that change the process's time zone; they run alone, as other tests read local time.</summary>
[CollectionDefinition(nameof(ProcessTimeZoneCollection), DisableParallelization = true)]
public sealed class ProcessTimeZoneCollection;

[Collection(nameof(ProcessTimeZoneCollection))]
public sealed class IssueStoreTimeZoneTests : IDisposable
{
    private readonly StoreFolder _folder = new();
    private readonly string? _previousZone = Environment.GetEnvironmentVariable("TZ");

    public IssueStoreTimeZoneTests()
    {
        Environment.SetEnvironmentVariable("TZ", "America/New_York");
        TimeZoneInfo.ClearCachedData();
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("TZ", _previousZone);
        TimeZoneInfo.ClearCachedData();
        _folder.Dispose();
    }

    [Fact]
    public void Times_come_back_utc_when_the_process_time_zone_is_not_utc()
    {
        Assert.NotEqual(TimeSpan.Zero, TimeZoneInfo.Local.GetUtcOffset(StoreFolder.Start));
        long id;
        using (var store = _folder.Open())
        {
            id = store.MaybeOpen(new IssueKey("disk full"), null).Issue.Id;
            _folder.Time.Advance(TimeSpan.FromHours(2));
            store.Resolve(id, "space freed");
            store.StartAction(id, "pager", "0:page", 1);
        }

        using var reopened = _folder.Open();
        var issue = reopened.Get(id)!;

        Assert.Equal(TimeSpan.Zero, issue.CreatedAt.Offset);
        Assert.Equal(StoreFolder.Start, issue.CreatedAt);
        Assert.Equal(TimeSpan.Zero, issue.ResolvedAt!.Value.Offset);
        Assert.Equal(StoreFolder.Start.AddHours(2), issue.ResolvedAt);
        Assert.Equal(StoreFolder.Start.AddHours(2), Assert.Single(issue.Actions).StartedAt);
        Assert.Equal(TimeSpan.Zero, issue.Actions[0].StartedAt.Offset);
    }

    [Fact]
    public void A_local_time_from_a_store_read_without_the_utc_pragma_is_read_as_the_same_instant()
    {
        var local = StoreFolder.Start.UtcDateTime.ToLocalTime();
        Assert.NotEqual(StoreFolder.Start.UtcDateTime.Hour, local.Hour);

        var read = BsonTime.Read(new BsonValue(local));

        Assert.Equal(TimeSpan.Zero, read.Offset);
        Assert.Equal(StoreFolder.Start, read);
    }
}
