using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using RulesEngine.Issues;
using RulesEngine.RuleFiles;
using RulesEngine.Scripting;

namespace RulesEngine.Responding;

/// <summary>Writes the rule's message to the engine's log, with the issue as structured values.</summary>
internal sealed class LogAction(LogActionDefinition definition) : IResponderAction
{
    public Task<JsonNode?> ExecuteAsync(Issue issue, ScriptContext context)
    {
        context.Log.Log(
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
