using LiteDB;

namespace RulesEngine.Issues;

/// <summary>Issues opened and resolved over time, read from the creation and resolution time indexes.</summary>
public sealed partial class IssueStore
{
    /// <summary>
    /// The issues opened and resolved in each period of <paramref name="bucket"/> from <paramref name="since"/> to the
    /// store's current time, oldest period first, every period present even when nothing happened in it. Periods are
    /// aligned on whole multiples of <paramref name="bucket"/> (whole UTC hours for an hour), so the first one may
    /// start before <paramref name="since"/>; it counts only from <paramref name="since"/>.
    /// </summary>
    /// <remarks>
    /// Only index keys are read, never a document. The store keeps an issue's last resolution, not each one: an issue
    /// reopened counts as resolved no more, and one resolved twice counts once, at its last resolution.
    /// </remarks>
    public IReadOnlyList<IssueActivity> Activity(DateTimeOffset since, TimeSpan bucket)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(bucket, TimeSpan.Zero);
        var now = Now();
        if (since > now)
        {
            return [];
        }

        var first = AlignDown(since, bucket);
        var count = (int)((now - first).Ticks / bucket.Ticks) + 1;

        var opened = new int[count];
        var resolved = new int[count];
        foreach (var time in Guarded(() => TimesSince(IssueFields.CreatedAt, since, now).ToList()))
        {
            opened[(time - first).Ticks / bucket.Ticks]++;
        }

        foreach (var time in Guarded(() => TimesSince(IssueFields.ResolvedAt, since, now).ToList()))
        {
            resolved[(time - first).Ticks / bucket.Ticks]++;
        }

        return Enumerable.Range(0, count)
            .Select(i => new IssueActivity(first + (bucket * i), opened[i], resolved[i]))
            .ToList();
    }

    /// <summary>The values of an indexed time field from <paramref name="since"/> to <paramref name="until"/>, from the index alone.</summary>
    private IEnumerable<DateTimeOffset> TimesSince(string field, DateTimeOffset since, DateTimeOffset until) =>
        Issues.Query()
            .Where(Query.Between(field, BsonTime.Write(since), BsonTime.Write(until)))
            .Select("$." + field)
            .ToDocuments()
            .Select(document => BsonTime.Read(document[field]));

    private static DateTimeOffset AlignDown(DateTimeOffset time, TimeSpan bucket)
    {
        var ticks = time.UtcTicks - (time.UtcTicks % bucket.Ticks);
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }
}
