using System.Text.Json.Nodes;
using RulesEngine.Issues;

namespace RulesEngine.Responding;

/// <summary>
/// The issue as JSON, with the same names templates use: the default body of a webhook and <c>ISSUE_JSON</c> of a
/// shell action. <c>{"issue": {...}, "responder": {"name"}, "action": {"name", "attempt"}}</c>.
/// </summary>
internal static class IssueJson
{
    public static JsonObject Document(ActionInvocation invocation) => new()
    {
        ["issue"] = Issue(invocation.Issue, invocation.IssueUrl),
        ["responder"] = new JsonObject { ["name"] = invocation.Responder },
        ["action"] = new JsonObject { ["name"] = invocation.Action, ["attempt"] = invocation.Attempt },
    };

    public static JsonObject Issue(Issue issue, string? url) => new()
    {
        ["id"] = issue.Id,
        ["name"] = issue.Name,
        ["status"] = issue.Status.ToString(),
        ["details"] = issue.Details?.DeepClone(),
        ["record"] = issue.Record is null ? null : new JsonObject
        {
            ["key"] = issue.Record.Key,
            ["source"] = issue.Record.Source,
        },
        ["created_at"] = issue.CreatedAt,
        ["last_seen_at"] = issue.LastSeenAt,
        ["resolved_at"] = issue.ResolvedAt,
        ["resolution"] = issue.Resolution,
        ["url"] = url,
    };
}
