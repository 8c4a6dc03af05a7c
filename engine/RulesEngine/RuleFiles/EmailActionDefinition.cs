using RulesEngine.Templates;

namespace RulesEngine.RuleFiles;

/// <summary>
/// Sends an email through SMTP. Recipients, subject and bodies are templates over the issue; each recipient
/// template may render one address, a comma-separated list, or nothing (then it adds no one; <c>to</c> must still
/// give at least one address).
/// </summary>
public sealed record EmailActionDefinition : ActionDefinition
{
    /// <summary>At least one.</summary>
    public required IReadOnlyList<IssueTemplate> To { get; init; }

    public IReadOnlyList<IssueTemplate> Cc { get; init; } = [];

    public IReadOnlyList<IssueTemplate> Bcc { get; init; } = [];

    public IReadOnlyList<IssueTemplate> ReplyTo { get; init; } = [];

    public required IssueTemplate Subject { get; init; }

    /// <summary>The plain-text body; at least one of <see cref="Text"/> and <see cref="Html"/> is given.</summary>
    public IssueTemplate? Text { get; init; }

    /// <summary>The HTML body; values from the issue are HTML-encoded as it renders.</summary>
    public IssueTemplate? Html { get; init; }

    /// <summary>The server and sender given in the action; what is missing comes from the engine's defaults.</summary>
    public SmtpSettings Smtp { get; init; } = new();
}
