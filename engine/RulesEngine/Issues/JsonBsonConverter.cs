using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiteDB;

namespace RulesEngine.Issues;

/// <summary>
/// Converts details between System.Text.Json nodes and BSON values, value by value. LiteDB's own JSON text is not
/// used: it writes Int64 as <c>{"$numberLong": ...}</c>, which would come back as an object.
/// </summary>
internal static class JsonBsonConverter
{
    /// <exception cref="InvalidDetailsException">
    /// The details nest deeper than <see cref="IssueStore.MaxDetailsDepth"/>, hold two keys that differ only in case, a
    /// number too large to store, a string or key with a lone surrogate, a key with a NUL character, or more text than
    /// <see cref="IssueStore.MaxDetailsTextLength"/>.
    /// </exception>
    public static BsonValue ToBson(JsonNode? node)
    {
        try
        {
            var bson = ToBson(node, 0);
            return TextLength(bson) is var length and > IssueStore.MaxDetailsTextLength
                ? throw new InvalidDetailsException(string.Create(CultureInfo.InvariantCulture,
                    $"The details are {length:N0} characters of text, more than the {IssueStore.MaxDetailsTextLength:N0} the issue store keeps on an issue; keep the evidence, not the data."))
                : bson;
        }
        catch (InvalidOperationException exception) when (exception.TargetSite?.DeclaringType?.Assembly == typeof(JsonNode).Assembly)
        {
            // Parsed JSON whose text escapes half a surrogate pair ("\ud800") parses, but its string cannot be read.
            throw new InvalidDetailsException(
                $"A string or key in the details holds a lone UTF-16 surrogate, which is not text ({exception.Message})");
        }
    }

    // The characters of every string and key: nested at most MaxDetailsDepth deep once converted.
    private static long TextLength(BsonValue value) => value.Type switch
    {
        BsonType.String => value.AsString.Length,
        BsonType.Array => value.AsArray.Sum(TextLength),
        BsonType.Document => value.AsDocument.Sum(pair => pair.Key.Length + TextLength(pair.Value)),
        _ => 0,
    };

    /// <param name="depth">How many arrays and objects hold <paramref name="node"/>.</param>
    private static BsonValue ToBson(JsonNode? node, int depth) => node switch
    {
        null => BsonValue.Null,
        JsonObject json => ToDocument(json, Deeper(depth)),
        JsonArray json => ToArray(json, Deeper(depth)),
        JsonValue json => ToBson(json, depth),
        _ => throw new NotSupportedException($"A JSON node of type {node.GetType().Name} cannot be stored."),
    };

    // The depth is counted before the items are read, so that an empty array counts as a level as an empty object does.
    private static BsonArray ToArray(JsonArray json, int depth) => new(json.Select(item => ToBson(item, depth)));

    private static int Deeper(int depth) => depth < IssueStore.MaxDetailsDepth
        ? depth + 1
        : throw new InvalidDetailsException(InvalidDetailsException.TooDeepMessage);

    public static JsonNode? ToJson(BsonValue value) => value.Type switch
    {
        BsonType.Null => null,
        BsonType.Document => ToJson(value.AsDocument),
        BsonType.Array => new JsonArray(value.AsArray.Select(ToJson).ToArray()),
        BsonType.String => JsonValue.Create(value.AsString),
        BsonType.Boolean => JsonValue.Create(value.AsBoolean),
        BsonType.Int32 => Number(value.AsInt32.ToString(CultureInfo.InvariantCulture)),
        BsonType.Int64 => Number(value.AsInt64.ToString(CultureInfo.InvariantCulture)),
        BsonType.Double => Number(value.AsDouble.ToString("R", CultureInfo.InvariantCulture)),
        BsonType.Decimal => Number(value.AsDecimal.ToString(CultureInfo.InvariantCulture)),

        // Only a store edited by other tools holds these (dates, ids, binary): shown as LiteDB's JSON text
        // rather than failing every read of the issue.
        _ => JsonValue.Create(value.ToString()),
    };

    // Numbers come back as parsed JSON, whatever width LiteDB stored them in: a reader asking for a long, an int
    // or a double gets it, as it would from the JSON the details were made from.
    private static JsonNode Number(string text) => JsonNode.Parse(text)!;

    private static BsonDocument ToDocument(JsonObject json, int depth)
    {
        var document = new BsonDocument();
        foreach (var (key, node) in json)
        {
            ThrowIfNotText(key, "A key in the details");
            ThrowIfNul(key);

            // LiteDB's documents compare keys ignoring case: a second key would silently replace the first.
            if (document.ContainsKey(key))
            {
                var first = document.Keys.First(
                    existing => string.Equals(existing, key, StringComparison.OrdinalIgnoreCase));
                throw new InvalidDetailsException(
                    $"Details have the keys '{first}' and '{key}', which differ only in case. The issue store keeps "
                    + "object keys case-insensitively (LiteDB); rename one of them.");
            }

            document[key] = ToBson(node, depth);
        }

        return document;
    }

    private static JsonObject ToJson(BsonDocument document)
    {
        var json = new JsonObject();
        foreach (var (key, value) in document)
        {
            json[key] = ToJson(value);
        }

        return json;
    }

    private static BsonValue ToBson(JsonValue json, int depth) => json.GetValueKind() switch
    {
        JsonValueKind.Null => BsonValue.Null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => Text(json.TryGetValue(out string? text) ? text : Reparsed(json).GetValue<string>()),
        JsonValueKind.Number => NumberToBson(json),

        // A JsonValue can wrap a JsonElement holding an object or an array.
        _ => ToBson(JsonNode.Parse(json.ToJsonString()), depth),
    };

    private static BsonValue Text(string text)
    {
        ThrowIfNotText(text, "A string in the details");
        return text;
    }

    private static void ThrowIfNotText(string text, string subject)
    {
        if (StoredText.Problem(text, subject) is { } problem)
        {
            throw new InvalidDetailsException(problem + ".");
        }
    }

    // BSON writes a key as a C string, ended by a NUL character: LiteDB cannot keep a key holding one.
    private static void ThrowIfNul(string key)
    {
        if (key.IndexOf('\0', StringComparison.Ordinal) is var position and >= 0)
        {
            throw new InvalidDetailsException(string.Create(CultureInfo.InvariantCulture,
                $"A key in the details {IssueKeyRules.Quote(key)} holds a NUL character (U+0000) at position {position + 1}; the issue store cannot keep it in a key."));
        }
    }

    private static BsonValue NumberToBson(JsonValue json)
    {
        if (json.TryGetValue(out int int32))
        {
            return int32;
        }

        if (json.TryGetValue(out long int64))
        {
            return int64;
        }

        if (json.TryGetValue(out double number) && double.IsFinite(number) && DoubleKeepsDigits(json, number))
        {
            return number;
        }

        if (json.TryGetValue(out decimal exact))
        {
            return exact;
        }

        // Other .NET types (uint, float, ulong...) read as parsed JSON; a parsed number that fits none is too large.
        return json.TryGetValue(out JsonElement _)
            ? throw new InvalidDetailsException($"The number {json.ToJsonString()} in the details is too large to store.")
            : NumberToBson(Reparsed(json));
    }

    /// <summary>
    /// A parsed number reads both as double and as decimal. Double is the usual JSON number; decimal is kept when
    /// the double would lose digits the text has (more than 15 significant digits).
    /// </summary>
    private static bool DoubleKeepsDigits(JsonValue json, double number)
    {
        if (!json.TryGetValue(out decimal exact))
        {
            // Beyond decimal's range: a number written with a fraction or an exponent is a float, and a double keeps
            // it as well as JSON can; a whole number written out in full would lose its last digits.
            var text = json.ToJsonString();
            return text.Contains('.') || text.Contains('e') || text.Contains('E')
                ? true
                : throw new InvalidDetailsException(
                    $"The number {text} in the details is a whole number too large to store exactly; send it as a string.");
        }

        return Math.Abs(number) < 7.9e28 && (decimal)number == exact;
    }

    private static JsonValue Reparsed(JsonValue json) => JsonNode.Parse(json.ToJsonString())!.AsValue();
}
