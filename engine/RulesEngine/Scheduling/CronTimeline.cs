using NCrontab;

namespace RulesEngine.Scheduling;

/// <summary>
/// The instants at which a cron schedule fires, read as wall-clock times in a time zone. NCrontab knows nothing of
/// zones, so the daylight-saving rules are decided here, as classic cron daemons decide them:
/// <list type="bullet">
/// <item>A time the clocks skip (02:30 when they jump from 02:00 to 03:00) fires once, at the first instant after
/// the jump: a daily 02:30 job is not lost on that day.</item>
/// <item>A time the clocks repeat (01:30 when they fall back from 02:00 to 01:00) fires once, at its first
/// occurrence. The cost: a job that fires every few minutes pauses during the repeated hour.</item>
/// </list>
/// In UTC, the default, neither case exists.
/// </summary>
public static class CronTimeline
{
    // The window the rule parser checks a schedule fires in: "29 February that is a Monday" recurs every 28 years.
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(366 * 28);

    /// <summary>The first instant strictly after <paramref name="after"/>, or null when the schedule never fires.</summary>
    public static DateTimeOffset? Next(CrontabSchedule schedule, TimeZoneInfo zone, DateTimeOffset after)
    {
        var localAfter = TimeZoneInfo.ConvertTime(after, zone).DateTime;
        var end = localAfter + Horizon;
        var candidate = localAfter;

        while (true)
        {
            candidate = schedule.GetNextOccurrence(candidate, end);
            if (candidate >= end)
            {
                return null;
            }

            var instant = ToInstant(candidate, zone);
            if (instant > after)
            {
                return instant;
            }
        }
    }

    private static DateTimeOffset ToInstant(DateTime wallClock, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(wallClock))
        {
            return FirstInstantAfterGap(wallClock, zone);
        }

        if (zone.IsAmbiguousTime(wallClock))
        {
            // The larger offset is the daylight one, which comes first.
            var offset = zone.GetAmbiguousTimeOffsets(wallClock).Max();
            return new DateTimeOffset(wallClock, offset);
        }

        return new DateTimeOffset(wallClock, zone.GetUtcOffset(wallClock));
    }

    private static DateTimeOffset FirstInstantAfterGap(DateTime wallClock, TimeZoneInfo zone)
    {
        var probe = new DateTime(wallClock.Year, wallClock.Month, wallClock.Day, wallClock.Hour, wallClock.Minute, 0, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(probe))
        {
            probe = probe.AddMinutes(1);
        }

        return new DateTimeOffset(probe, zone.GetUtcOffset(probe));
    }
}
