using RulesEngine.Issues;

namespace RulesEngine.Tests.Sources;

internal static class IssueKeys
{
    /// <summary>The record keys of the store's issues with the status, in ordinal order.</summary>
    public static IReadOnlyList<string> Of(Engine engine, IssueStatus status) =>
        engine.Issues.Find(new IssueQuery { Status = status }).Select(issue => issue.Record!.Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>Every issue as (key, status, details), to show that a failed pass changed nothing.</summary>
    public static IReadOnlyList<string> Snapshot(Engine engine) =>
        engine.Issues.Find(new IssueQuery()).Select(issue =>
            $"{issue.Record?.Key} {issue.Status} {issue.LastSeenAt:O} {issue.Details?.ToJsonString()}").Order(StringComparer.Ordinal).ToList();
}
