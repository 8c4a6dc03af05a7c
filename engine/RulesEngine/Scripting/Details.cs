using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using RulesEngine.Issues;

namespace RulesEngine.Scripting;

/// <summary>
/// Turns what a check or action returned into the JSON kept on the issue. Objects of rule code's own types
/// (anonymous types, records) are read by reflection here rather than by System.Text.Json, whose reflection
/// caches are static: a type it serialized keeps its collectible rule assembly loaded after every reload (a
/// thousand reloads of a rule returning an anonymous object kept the last ten assemblies alive).
/// </summary>
internal static class Details
{
    // The store's limit, so that what a check returns is never refused for its depth: an array or an object that would
    // nest deeper is kept as its text.
    private const int MaxDepth = IssueStore.MaxDetailsDepth;

    public static JsonNode? ToJson(object? details) => ToJson(details, 0);

    /// <param name="depth">How many arrays and objects hold <paramref name="value"/>.</param>
    private static JsonNode? ToJson(object? value, int depth)
    {
        if (depth >= MaxDepth && !IsScalar(value))
        {
            return JsonValue.Create($"(deeper than {MaxDepth} levels: {value})");
        }

        return value switch
        {
            null => null,
            JsonNode node => node.DeepClone(),
            JsonElement element => JsonNode.Parse(element.GetRawText()),
            string text => JsonValue.Create(text),
            bool flag => JsonValue.Create(flag),
            int or long or short or byte or sbyte or ushort or uint or ulong or double or float or decimal => Number(value),
            DateTime time => JsonValue.Create(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time),
            DateTimeOffset time => JsonValue.Create(time),
            TimeSpan span => JsonValue.Create(span.ToString("c", CultureInfo.InvariantCulture)),
            Guid or Uri or Enum or char or Version => JsonValue.Create(value.ToString()),
            IDictionary dictionary => Dictionary(dictionary, depth),
            IEnumerable sequence => new JsonArray(sequence.Cast<object?>().Select(item => ToJson(item, depth + 1)).ToArray()),
            _ => Members(value, depth),
        };
    }

    // What becomes a JSON value rather than an array or an object.
    private static bool IsScalar(object? value) => value is null or string or bool or char or Enum or Guid or Uri
        or Version or DateTime or DateTimeOffset or TimeSpan or JsonValue or int or long or short or byte or sbyte
        or ushort or uint or ulong or double or float or decimal
        || value is JsonElement { ValueKind: not (JsonValueKind.Object or JsonValueKind.Array) };

    // Numbers are parsed JSON, as the store gives them back: a reader may ask for an int, a long or a double.
    // JSON has no NaN or infinity; those are kept as text.
    private static JsonNode Number(object value) => value switch
    {
        double number when !double.IsFinite(number) => JsonValue.Create(number.ToString(CultureInfo.InvariantCulture)),
        float number when !float.IsFinite(number) => JsonValue.Create(number.ToString(CultureInfo.InvariantCulture)),
        double number => JsonNode.Parse(number.ToString("R", CultureInfo.InvariantCulture))!,
        float number => JsonNode.Parse(number.ToString("R", CultureInfo.InvariantCulture))!,
        _ => JsonNode.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!)!,
    };

    private static JsonObject Dictionary(IDictionary dictionary, int depth)
    {
        var json = new JsonObject();
        foreach (DictionaryEntry entry in dictionary)
        {
            json[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? ""] = ToJson(entry.Value, depth + 1);
        }

        return json;
    }

    // Public properties and fields, as a serializer would write them; a property that throws is shown as its error.
    private static JsonObject Members(object value, int depth)
    {
        var json = new JsonObject();
        var type = value.GetType();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.CanRead)
            {
                json[property.Name] = Read(() => property.GetValue(value), depth);
            }
        }

        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            json[field.Name] = Read(() => field.GetValue(value), depth);
        }

        return json;
    }

    private static JsonNode? Read(Func<object?> member, int depth)
    {
        try
        {
            return ToJson(member(), depth + 1);
        }
        catch (TargetInvocationException exception)
        {
            return JsonValue.Create($"({exception.InnerException?.GetType().Name}: {exception.InnerException?.Message})");
        }
    }
}
