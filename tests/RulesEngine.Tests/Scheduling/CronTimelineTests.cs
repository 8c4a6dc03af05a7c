using NCrontab;
using RulesEngine.Scheduling;

namespace RulesEngine.Tests.Scheduling;

public sealed class CronTimelineTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void In_UTC_the_next_run_is_the_next_matching_minute()
    {
        var next = CronTimeline.Next(CrontabSchedule.Parse("*/5 * * * *"), TimeZoneInfo.Utc, At("2026-03-01T12:02:30Z"));

        Assert.Equal(At("2026-03-01T12:05:00Z"), next);
    }

    [Fact]
    public void Six_fields_schedule_seconds()
    {
        var schedule = CrontabSchedule.Parse("*/10 * * * * *", new CrontabSchedule.ParseOptions { IncludingSeconds = true });

        Assert.Equal(At("2026-03-01T12:00:10Z"), CronTimeline.Next(schedule, TimeZoneInfo.Utc, At("2026-03-01T12:00:00Z")));
    }

    [Fact]
    public void A_time_zone_moves_the_run_to_that_zones_wall_clock()
    {
        // 09:00 in New York in winter (EST, UTC-5) is 14:00 UTC.
        var next = CronTimeline.Next(CrontabSchedule.Parse("0 9 * * *"), NewYork, At("2026-01-15T12:00:00Z"));

        Assert.Equal(At("2026-01-15T14:00:00Z"), next);
    }

    [Fact]
    public void A_time_the_clocks_skip_runs_once_at_the_first_instant_after_the_jump()
    {
        // 2026-03-08: New York jumps from 02:00 EST to 03:00 EDT; 02:30 does not exist that day.
        var next = CronTimeline.Next(CrontabSchedule.Parse("30 2 * * *"), NewYork, At("2026-03-08T05:00:00Z"));

        Assert.Equal(At("2026-03-08T07:00:00Z"), next); // 03:00 EDT
        var after = CronTimeline.Next(CrontabSchedule.Parse("30 2 * * *"), NewYork, next!.Value);
        Assert.Equal(At("2026-03-09T06:30:00Z"), after); // 02:30 EDT the next day, once
    }

    [Fact]
    public void A_time_the_clocks_repeat_runs_once_at_its_first_occurrence()
    {
        // 2026-11-01: New York falls back from 02:00 EDT to 01:00 EST; 01:30 happens twice.
        var schedule = CrontabSchedule.Parse("30 1 * * *");

        var first = CronTimeline.Next(schedule, NewYork, At("2026-11-01T04:00:00Z"));
        var second = CronTimeline.Next(schedule, NewYork, first!.Value);

        Assert.Equal(At("2026-11-01T05:30:00Z"), first); // 01:30 EDT
        Assert.Equal(At("2026-11-02T06:30:00Z"), second); // not 01:30 EST (06:30Z) on the same day
    }

    [Fact]
    public void A_schedule_that_never_fires_has_no_next_run()
    {
        Assert.Null(CronTimeline.Next(CrontabSchedule.Parse("0 0 30 2 *"), TimeZoneInfo.Utc, At("2026-01-01T00:00:00Z")));
    }

    [Fact]
    public void A_leap_day_schedule_fires_on_the_next_leap_year()
    {
        Assert.Equal(At("2028-02-29T00:00:00Z"), CronTimeline.Next(CrontabSchedule.Parse("0 0 29 2 *"), TimeZoneInfo.Utc, At("2026-03-01T00:00:00Z")));
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
