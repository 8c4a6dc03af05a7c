using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using RulesEngine.RuleFiles;
using RulesEngine.Templates;

namespace RulesEngine.Responding;

/// <summary>Writes the rule's message, rendered for the issue, to the engine's log, with the issue as structured values.</summary>
internal sealed class LogAction(LogActionDefinition definition) : IResponderAction
{
    public async Task<JsonNode?> ExecuteAsync(ActionInvocation invocation)
    {
        var message = await TemplateRenderer.RenderTextAsync(definition.Message, invocation.Templates,
            invocation.CancellationToken).ConfigureAwait(false);
        var issue = invocation.Issue;
        if (issue.Record is { } record)
        {
            invocation.Script.Log.Log(definition.Level, EngineEvents.ActionLog,
                "{Message} (issue {IssueId} '{IssueName}', record '{RecordKey}')", message, issue.Id, issue.Name, record.Key);
        }
        else
        {
            // An issue of an assertion or of the API has no record: said by leaving it out, not as "record (null)".
            invocation.Script.Log.Log(definition.Level, EngineEvents.ActionLog,
                "{Message} (issue {IssueId} '{IssueName}')", message, issue.Id, issue.Name);
        }

        return new JsonObject { ["logged"] = message };
    }
}
