using System.Text.Json.Nodes;

namespace RulesEngine.Responding;

/// <summary>
/// The implementation of one kind of action. Returns the details recorded with a successful run; throws to fail
/// the run, with a message an operator can act on (<see cref="ActionFailedException"/> to record more than the
/// message). Must stop promptly once the invocation's token is cancelled: that is its timeout.
/// </summary>
internal interface IResponderAction
{
    Task<JsonNode?> ExecuteAsync(ActionInvocation invocation);
}
