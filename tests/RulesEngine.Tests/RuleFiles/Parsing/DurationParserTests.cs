using RulesEngine.RuleFiles;
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

    [Fact]
    public void A_duration_past_the_longest_its_key_allows_is_an_error_saying_it_is_too_large_and_the_maximum()
    {
        var result = RuleFileParser.Parse("long.yaml", """
            assertions:
              - { name: slow check, timeout: 60d, check: "true" }
            responders:
              - name: far future
                watch: disk
                actions:
                  - { delay: 99999999999d, log: never }
                  - { repeat: 3651d, retry_delay: 3650d, timeout: 30d, log: ok }
            """);

        Assert.Equal(
        [
            (2, 34, "slow check", "expected a duration of at most 30d for 'timeout', found '60d', which is too large"),
            (7, 18, "far future", "expected a duration of at most 3650d for 'delay', found '99999999999d', which is too large"),
            (8, 19, "far future", "expected a duration of at most 3650d for 'repeat', found '3651d', which is too large"),
        ],
            result.Errors.Select(error => (error.Location.Line, error.Location.Column, error.Rule, error.Message)));
    }
}
