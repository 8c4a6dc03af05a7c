using System.Text.Json.Nodes;
using RulesEngine.Templates;

namespace RulesEngine.RuleFiles;

/// <summary>
/// The body of a webhook request: a template rendered as the whole body, or a JSON document written as YAML whose
/// every string is a template (so values from the issue are JSON-escaped by construction).
/// </summary>
public sealed record WebhookBody
{
    /// <summary>Set for a body written as one template; otherwise <see cref="Json"/> is.</summary>
    public IssueTemplate? Text { get; init; }

    /// <summary>The document's shape; its strings are rendered through <see cref="Strings"/>.</summary>
    public JsonNode? Json { get; init; }

    /// <summary>The parsed template of each string in <see cref="Json"/>, by its text.</summary>
    public IReadOnlyDictionary<string, IssueTemplate> Strings { get; init; } = new Dictionary<string, IssueTemplate>();
}
