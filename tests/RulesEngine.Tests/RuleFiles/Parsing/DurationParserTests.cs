using RulesEngine.RuleFiles.Parsing;

namespace RulesEngine.Tests.RuleFiles.Parsing;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("30s", 30)]
    [InlineData("30m", 30 * 60)]
    [InlineData("4h", 4 * 3600)]
    [InlineData("2d", 2 * 86400)]
    [InlineData("1h30m", 90 * 60)]
    [InlineData("2d12h", 60 * 3600)]
    [InlineData("1d2h3m4s", 86400 + 7200 + 180 + 4)]
    [InlineData("1.5h", 90 * 60)]
    [InlineData("45", 45)]
    [InlineData("0", 0)]
    [InlineData("0s", 0)]
    public void Accepted_forms_give_their_length_in_seconds(string text, int seconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));

        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5 minutes")]
    [InlineData("-5s")]
    [InlineData("1h 30m")]
    [InlineData("30m1h")]
    [InlineData("1h1h")]
    [InlineData("1H")]
    [InlineData("s")]
    [InlineData("1.h")]
    [InlineData("1w")]
    [InlineData("99999999999999d")]
    public void Anything_else_is_refused(string text)
    {
        Assert.False(DurationParser.TryParse(text, out _));
    }
}
