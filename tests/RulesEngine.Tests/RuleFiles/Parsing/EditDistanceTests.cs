using RulesEngine.RuleFiles.Parsing;

namespace RulesEngine.Tests.RuleFiles.Parsing;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("schedule", "schedule", 0)]
    [InlineData("shedule", "schedule", 1)]
    [InlineData("shcedule", "schedule", 1)]
    [InlineData("Schedule", "schedule", 0)]
    [InlineData("tmeout", "timeout", 1)]
    [InlineData("check", "", 5)]
    [InlineData("kitten", "sitting", 3)]
    public void Distance_counts_insertions_deletions_substitutions_and_swaps(string first, string second, int distance)
    {
        Assert.Equal(distance, EditDistance.Between(first, second));
    }

    [Fact]
    public void Closest_is_the_nearest_candidate_within_two_edits_or_none()
    {
        string[] keys = ["name", "schedule", "timeout", "timezone"];

        Assert.Equal("timezone", EditDistance.Closest("time_zone", keys));
        Assert.Equal("timeout", EditDistance.Closest("timout", keys));
        Assert.Null(EditDistance.Closest("colour", keys));
    }
}
