using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fluid.Values;

namespace RulesEngine.Templates;

/// <summary>Turns an issue's details (any JSON) into template values; objects become <see cref="StrictObjectValue"/>.</summary>
internal static class JsonTemplateValues
{
    /// <param name="path">Where the value is, such as <c>issue.details</c>, for messages about missing fields.</param>
    public static FluidValue From(JsonNode? node, string path) => node switch
    {
        null => NilValue.Instance,
        JsonObject json => new StrictObjectValue(
            path,
            json.ToDictionary(field => field.Key, field => From(field.Value, $"{path}.{field.Key}"), StringComparer.Ordinal),
            json),
        JsonArray array => ArrayValue.Create(array.Select((item, i) => From(item, $"{path}[{i}]")).ToList()),
        JsonValue value => FromValue(value),
        _ => StringValue.Create(node.ToJsonString()),
    };

    private static FluidValue FromValue(JsonValue value)
    {
        if (value.TryGetValue<DateTimeOffset>(out var time))
        {
            return DateTimeValue.Create(time);
        }

        if (value.TryGetValue<DateTime>(out var dateTime))
        {
            return DateTimeValue.Create(new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)));
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.True => BooleanValue.True,
            JsonValueKind.False => BooleanValue.False,
            JsonValueKind.Number => Number(value),
            JsonValueKind.String => StringValue.Create(value.GetValue<string>()),
            _ => StringValue.Create(value.ToJsonString()),
        };
    }

    // A number beyond decimal's range (1e300) stays its JSON text rather than failing the render.
    private static FluidValue Number(JsonValue value)
    {
        var text = value.ToJsonString();
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? NumberValue.Create(number)
            : StringValue.Create(text);
    }
}
