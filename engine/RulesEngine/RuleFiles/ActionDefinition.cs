using Microsoft.Extensions.Logging;
using RulesEngine.Templates;

namespace RulesEngine.RuleFiles;

/// <summary>One action of a responder.</summary>
public abstract record ActionDefinition
{
    /// <summary>
    /// Identifies the action within its responder in the issue's history: the <c>name</c> given in the rule, or its
    /// position and kind (such as <c>0:log</c>). Renaming or reordering unnamed actions makes them new actions.
    /// </summary>
    public required string Key { get; init; }

    public required SourceLocation Location { get; init; }

    /// <summary>
    /// How long after the issue's creation the action becomes due (after its resolution, for an <c>on_resolve</c>
    /// action). Default zero.
    /// </summary>
    public TimeSpan Delay { get; init; }

    /// <summary>
    /// How many times a failed run is tried again, with exponential backoff, before the action counts as done.
    /// Default <see cref="DefaultRetries"/>; zero runs it once.
    /// </summary>
    public int Retries { get; init; } = DefaultRetries;

    /// <summary>The wait before the first retry, doubling for each one after; null for the engine's default.</summary>
    public TimeSpan? RetryDelay { get; init; }

    /// <summary>
    /// Runs the action again this long after its last run while the issue stays open; null (the default) runs it
    /// once per issue.
    /// </summary>
    public TimeSpan? Repeat { get; init; }

    /// <summary>How long one run may take before it is stopped and fails; null for the engine's default.</summary>
    public TimeSpan? Timeout { get; init; }

    public const int DefaultRetries = 3;
}

/// <summary>Inline C# run with <c>Issue</c>, <c>Log</c>, <c>Now</c> and <c>Issues</c> in scope; what it returns becomes the run's details.</summary>
public sealed record RunActionDefinition : ActionDefinition
{
    public required CodeSnippet Code { get; init; }
}

/// <summary>Writes a line to the engine's log, with the issue's name, id and record as structured values.</summary>
public sealed record LogActionDefinition : ActionDefinition
{
    /// <summary>A template over the issue, such as <c>still open: {{ issue.name }}</c>, rendered at each run.</summary>
    public required IssueTemplate Message { get; init; }

    /// <summary>Default Warning.</summary>
    public LogLevel Level { get; init; } = LogLevel.Warning;
}
