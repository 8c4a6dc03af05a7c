using System.Text.Json.Nodes;
using NCrontab;

namespace RulesEngine.RuleFiles;

/// <summary>An assertion as written in a rule file: a check run on a schedule; failing opens an issue named after it.</summary>
public record AssertionDefinition
{
    /// <summary>Unique across all rule files; also the name of the issues it opens.</summary>
    public required string Name { get; init; }

    /// <summary>Where the rule starts (its <c>name</c> key's list item).</summary>
    public required SourceLocation Location { get; init; }

    public string? Description { get; init; }

    /// <summary>The cron schedule; null means the engine's default schedule.</summary>
    public CronSchedule? Schedule { get; init; }

    /// <summary>The time zone the schedule is read in; null means UTC.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>How long one run may take; null means the engine's default (30 s).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The <c>params</c> map, reachable from C# as a typed <c>Params</c> object; null when absent.</summary>
    public JsonObject? Params { get; init; }

    /// <summary>The C# check: an expression, or statements that <c>return</c>.</summary>
    public required CodeSnippet Check { get; init; }
}
