using System.Text.Json.Nodes;
using RulesEngine.Scripting;

namespace RulesEngine.Responding;

/// <summary>Inline C# from the rule file; what it returns is recorded as details.</summary>
internal sealed class RunAction(Func<ActionScript> create) : IResponderAction
{
    public async Task<JsonNode?> ExecuteAsync(ActionInvocation invocation)
    {
        var script = create();
        script.Attach(invocation.Script, invocation.Issue);
        var result = await script.RunAsync().ConfigureAwait(false);
        return Details.ToJson(result);
    }
}
