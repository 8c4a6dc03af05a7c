using System.Text.Json.Nodes;

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>The keys assertions and model assertions share, as read; a null required part had an error.</summary>
internal sealed record AssertionParts(
    string? Name,
    string? Description,
    CronSchedule? Schedule,
    TimeZoneInfo? TimeZone,
    TimeSpan? Timeout,
    JsonObject? Params,
    CodeSnippet? Check);
