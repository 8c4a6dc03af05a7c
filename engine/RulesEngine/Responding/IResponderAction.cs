using System.Text.Json.Nodes;
using RulesEngine.Issues;
using RulesEngine.Scripting;

namespace RulesEngine.Responding;

/// <summary>
/// The implementation of one kind of action. Returns the details recorded with a successful run; throws to fail
/// the run, with a message an operator can act on.
/// </summary>
internal interface IResponderAction
{
    Task<JsonNode?> ExecuteAsync(Issue issue, ScriptContext context);
}
