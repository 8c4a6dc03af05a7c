using RulesEngine.Templates;

namespace RulesEngine.RuleFiles;

/// <summary>
/// A value of a webhook (its URL or a header) given either as a template over the issue or as the name of an
/// environment variable, for secrets such as tokens and webhook URLs that must stay out of rule files, logs and
/// the issue's history.
/// </summary>
public sealed record TextSource
{
    /// <summary>Set when the value is a template; otherwise <see cref="Environment"/> is.</summary>
    public IssueTemplate? Template { get; init; }

    /// <summary>The environment variable read when the action runs; its value is never recorded.</summary>
    public string? Environment { get; init; }

    /// <summary>Put before the variable's value, such as <c>Bearer </c>. Default empty.</summary>
    public string Prefix { get; init; } = "";

    public override string ToString() => Template?.Text ?? $"{Prefix}${{{Environment}}}";
}
