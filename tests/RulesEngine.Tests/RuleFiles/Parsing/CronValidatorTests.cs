using RulesEngine.RuleFiles.Parsing;

namespace RulesEngine.Tests.RuleFiles.Parsing;

public sealed class CronValidatorTests
{
    [Theory]
    [InlineData("*/5 * * * *")]
    [InlineData("0 9 * * 1-5")]
    [InlineData("30 */10 * * * *")]
    [InlineData("0 0 29 2 *")]
    [InlineData("0 0 29 2 1")]
    public void Expression_that_fires_is_accepted_and_kept_as_written(string expression)
    {
        Assert.True(CronValidator.TryParse(expression, out var schedule, out _));

        Assert.Equal(expression, schedule?.Expression);
    }

    [Theory]
    [InlineData("0 0 30 2 *")]
    [InlineData("0 0 31 4 *")]
    [InlineData("0 0 0 31 11 *")]
    public void Expression_that_can_never_fire_is_refused(string expression)
    {
        Assert.False(CronValidator.TryParse(expression, out var schedule, out var problem));

        Assert.Null(schedule);
        Assert.Equal($"the cron expression '{expression}' never fires (no date matches all its fields)", problem);
    }

    [Theory]
    [InlineData("* * * *", "4 fields")]
    [InlineData("@daily", "1 field")]
    [InlineData("5", "1 field")]
    [InlineData("", "0 fields")]
    public void Expression_with_a_wrong_number_of_fields_is_refused_with_the_count_in_agreement(string expression,
        string fields)
    {
        Assert.False(CronValidator.TryParse(expression, out _, out var problem));

        Assert.StartsWith($"the cron expression '{expression}' has {fields}; expected 5", problem);
    }

    [Theory]
    [InlineData("*/0 * * * *", "minute", "*/0")]
    [InlineData("0 1-23/00 * * *", "hour", "1-23/00")]
    [InlineData("0 0 1,10-20/0 * *", "day-of-month", "1,10-20/0")]
    [InlineData("*/0 * * * * *", "second", "*/0")]
    [InlineData("0 0 * * * 1/0", "day-of-week", "1/0")]
    public void A_step_of_zero_is_refused_naming_the_field(string expression, string field, string text)
    {
        Assert.False(CronValidator.TryParse(expression, out var schedule, out var problem));

        Assert.Null(schedule);
        Assert.Equal($"the cron expression '{expression}' has a step of 0 in its {field} field ('{text}'); a step " +
            "after '/' must be 1 or more", problem);
    }

    [Theory]
    [InlineData("1-0 * * * *", "1-0", "minute")]
    [InlineData("0 22-2 * * *", "22-2", "hour")]
    [InlineData("0 0 * * 5-1/2", "5-1", "day-of-week")]
    public void A_range_that_runs_backwards_is_refused_naming_the_field(string expression, string range, string field)
    {
        Assert.False(CronValidator.TryParse(expression, out _, out var problem));

        Assert.Equal($"the cron expression '{expression}' has the range '{range}' in its {field} field, which runs backwards; " +
            "write the smaller number first, or two ranges joined by ','", problem);
    }

    [Theory]
    [InlineData("0 0 * * 7")]
    [InlineData("0 0 * * 5-7")]
    public void Weekday_7_is_refused_saying_sunday_is_0(string expression)
    {
        Assert.False(CronValidator.TryParse(expression, out _, out var problem));

        Assert.Equal($"the cron expression '{expression}' has the weekday 7 in its day-of-week field; weekdays are 0 " +
            "(Sunday) to 6 (Saturday), so write Sunday as 0", problem);
    }

    [Fact]
    public void Expression_with_an_overflowing_number_is_refused_not_thrown()
    {
        Assert.False(CronValidator.TryParse("99999999999 * * * *", out _, out var problem));

        Assert.StartsWith("invalid cron expression '99999999999 * * * *': ", problem);
    }
}
