using RulesEngine.Templates;

namespace RulesEngine.RuleFiles;

/// <summary>
/// Runs a program directly, with no shell between: each argument is one argv entry whatever it holds, so issue
/// data cannot be read as shell syntax. A non-zero exit code is a failure; the ends of stdout and stderr are kept.
/// </summary>
public sealed record ShellActionDefinition : ActionDefinition
{
    /// <summary>A name found on PATH (<c>logger</c>) or a path; a relative path is made absolute against the rule file's folder.</summary>
    public required string Program { get; init; }

    /// <summary>Each a template, rendered to one argument.</summary>
    public IReadOnlyList<IssueTemplate> Args { get; init; } = [];

    /// <summary>Absolute. Default the rule file's folder.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>Variables added to the engine's environment (and to the issue's, see docs/responders.md), each a template.</summary>
    public IReadOnlyList<KeyValuePair<string, IssueTemplate>> Environment { get; init; } = [];
}
