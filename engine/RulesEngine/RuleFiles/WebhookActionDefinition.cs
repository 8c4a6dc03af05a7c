namespace RulesEngine.RuleFiles;

/// <summary>
/// Sends an HTTP request about the issue. Any answer outside 200-299 is a failure, including redirects, which are
/// not followed (following one would turn a POST into a GET).
/// </summary>
public sealed record WebhookActionDefinition : ActionDefinition
{
    /// <summary>An absolute http or https URL once rendered.</summary>
    public required TextSource Url { get; init; }

    /// <summary>Upper case. Default POST.</summary>
    public string Method { get; init; } = "POST";

    /// <summary>In the order written.</summary>
    public IReadOnlyList<KeyValuePair<string, TextSource>> Headers { get; init; } = [];

    /// <summary>
    /// Null for the default: the issue as JSON for POST, PUT and PATCH, no body for other methods.
    /// </summary>
    public WebhookBody? Body { get; init; }

    /// <summary>Default <c>application/json</c>; a body of that type must render to valid JSON.</summary>
    public string ContentType { get; init; } = "application/json";
}
