namespace RulesEngine.Responding;

/// <summary>Where an issue is in the engine's HTTP API: <c>{base}/issues/{id}</c>.</summary>
internal static class IssueLink
{
    /// <returns>Null when there is no base URL.</returns>
    public static string? For(long issueId, string? apiBaseUrl) =>
        string.IsNullOrWhiteSpace(apiBaseUrl) ? null : $"{apiBaseUrl.TrimEnd('/')}/issues/{issueId}";
}
