using System.Text.Json;
using System.Text.Json.Nodes;

namespace RulesEngine.Scripting;

/// <summary>Turns what a check or action returned into the JSON kept on the issue.</summary>
internal static class Details
{
    public static JsonNode? ToJson(object? details, JsonSerializerOptions options)
    {
        switch (details)
        {
            case null:
                return null;
            case JsonNode node:
                return node.DeepClone();
            case string text:
                return JsonValue.Create(text);
        }

        try
        {
            return JsonSerializer.SerializeToNode(details, details.GetType(), options);
        }
        catch (Exception exception) when (exception is NotSupportedException or JsonException or InvalidOperationException)
        {
            // Details are for people; an object that cannot be serialized is still worth showing as text.
            return new JsonObject { ["value"] = details.ToString(), ["serialization_error"] = exception.Message };
        }
    }
}
