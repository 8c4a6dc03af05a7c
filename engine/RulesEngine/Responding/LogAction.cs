using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using RulesEngine.RuleFiles;

namespace RulesEngine.Responding;

/// <summary>Writes the rule's message to the engine's log, with the issue as structured values.</summary>
internal sealed class LogAction(LogActionDefinition definition) : IResponderAction
{
    public Task<JsonNode?> ExecuteAsync(ActionInvocation invocation)
    {
        var issue = invocation.Issue;
        invocation.Script.Log.Log(
            definition.Level,
            EngineEvents.ActionLog,
            "{Message} (issue {IssueId} '{IssueName}' record {RecordKey})",
            definition.Message,
            issue.Id,
            issue.Name,
            issue.Record?.Key);
        return Task.FromResult<JsonNode?>(new JsonObject { ["logged"] = definition.Message });
    }
}
