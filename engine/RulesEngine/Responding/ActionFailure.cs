using System.Text.Json.Nodes;
using RulesEngine.Scripting;
using RulesEngine.Templates;

namespace RulesEngine.Responding;

/// <summary>What is recorded for a failed run: <c>{"error": "..."}</c> and whatever else the failure carries.</summary>
internal static class ActionFailure
{
    public static (string Error, JsonObject Details) Describe(Exception exception, string ruleFilePath)
    {
        var error = exception switch
        {
            ActionFailedException or TemplateRenderException or TimeoutException => exception.Message,
            _ => ScriptErrors.Describe(exception, ruleFilePath),
        };

        var details = new JsonObject { ["error"] = error };
        if (exception is ActionFailedException { Details: { } extra })
        {
            foreach (var (name, value) in extra)
            {
                details[name] = value?.DeepClone();
            }
        }

        return (error, details);
    }
}
