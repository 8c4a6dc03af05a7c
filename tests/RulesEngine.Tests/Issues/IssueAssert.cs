using System.Text.Json.Nodes;
using RulesEngine.Issues;

namespace RulesEngine.Tests.Issues;

/// <summary>Issue equality by value: records compare details and action lists by reference.</summary>
internal static class IssueAssert
{
    public static void Same(Issue expected, Issue? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Details = null, Actions = [] }, actual with { Details = null, Actions = [] });
        Assert.True(JsonNode.DeepEquals(expected.Details, actual.Details), $"Details differ: {actual.Details?.ToJsonString()}");
        Assert.Equal(expected.Actions.Count, actual.Actions.Count);
    }
}
