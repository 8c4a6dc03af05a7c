using System.Globalization;
using System.Text.Json;

namespace RulesEngine.Host;

/// <summary>
/// Checks of JSON given by a caller (an API body, <c>--details</c>) that System.Text.Json's readers do not make when
/// they parse, only later, and then with a message that means nothing to the caller.
/// </summary>
internal static class JsonInput
{
    /// <summary>
    /// What is wrong with <paramref name="element"/>, or null: a property name that appears twice in one object (JSON
    /// allows it, but which value was meant is a guess; <see cref="System.Text.Json.Nodes.JsonObject"/> fails on it with
    /// .NET's "An item with the same key has already been added"), or a string or a name that escapes half a UTF-16
    /// surrogate pair, such as <c>"\ud800"</c>, which parses but cannot be read as text.
    /// </summary>
    /// <param name="what">How the message names the JSON, such as "The request body".</param>
    /// <param name="ignoreCaseAtTop">Whether the top object's names compare ignoring case, as they bind to properties.</param>
    public static string? Problem(JsonElement element, string what, bool ignoreCaseAtTop = false)
    {
        try
        {
            return RepeatedProperty(element, ignoreCaseAtTop) is { } name
                ? $"{what} is ambiguous: the property '{name}' appears twice in one object; give it once."
                : null;
        }
        catch (InvalidOperationException exception)
        {
            return $"{what} holds a lone UTF-16 surrogate, which is not text: {exception.Message}";
        }
    }

    /// <summary>
    /// What is wrong with JSON that did not parse, for the person who wrote it: System.Text.Json's reason without its
    /// advice to the programmer ("Change the reader options.") and with its zero-based position as a line and a byte
    /// counted from 1, as an editor shows them.
    /// </summary>
    public static string Describe(JsonException exception)
    {
        var reason = Reason(exception);
        return exception.LineNumber is { } line && exception.BytePositionInLine is { } position
            ? string.Create(CultureInfo.InvariantCulture, $"{reason.TrimEnd('.')} (line {line + 1}, byte {position + 1}).")
            : reason;
    }

    /// <summary>
    /// System.Text.Json's reason alone: without where it happened ("Path: $ | LineNumber: 2 | ..."), which the caller
    /// says its own way, and without its advice to the programmer.
    /// </summary>
    public static string Reason(JsonException exception)
    {
        var message = exception.Message;
        var end = message.IndexOf(" Path: ", StringComparison.Ordinal) is var path and >= 0 ? path
            : message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        return (end >= 0 ? message[..end] : message)
            .Replace(" Change the reader options.", "", StringComparison.Ordinal)
            .Replace(" in this mode", "", StringComparison.Ordinal)
            .Trim();
    }

    /// <summary>
    /// Whether <paramref name="utf8"/> nests arrays and objects deeper than <paramref name="maxDepth"/> levels. Checked
    /// before parsing, whose own limit (64 levels) fails with a message about .NET's reader rather than the store's limit.
    /// JSON that is not valid is not too deep: parsing it says what is wrong.
    /// </summary>
    public static bool NestsDeeperThan(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        // Every level opens with a byte, so the reader's own limit is never what stops it.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = utf8.Length + 1 });
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth >= maxDepth
                    && reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    /// <exception cref="InvalidOperationException">A name or a string is not UTF-16 text.</exception>
    private static string? RepeatedProperty(JsonElement element, bool ignoreCase)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (!names.Add(property.Name))
                    {
                        return property.Name;
                    }

                    if (RepeatedProperty(property.Value, ignoreCase: false) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;

            case JsonValueKind.Array:
                return element.EnumerateArray().Select(item => RepeatedProperty(item, ignoreCase: false)).FirstOrDefault(name => name is not null);

            case JsonValueKind.String:
                _ = element.GetString();
                return null;

            default:
                return null;
        }
    }
}
