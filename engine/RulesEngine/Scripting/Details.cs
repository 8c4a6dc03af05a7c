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
/// <remarks>
/// The walk is bounded, as details are evidence for a person, not a copy of the data: at most
/// <see cref="MaxValues"/> values and <see cref="MaxTextLength"/> characters of text are kept, and what is left is
/// said to be cut, and a sequence is read no further than that (it may have no end). Objects of .NET's and other
/// libraries' own types (a <see cref="Type"/>, a delegate, a task, a stream, an exception) are kept as their text rather
/// than read member by member: their graphs reach the whole runtime, and reading them could run without end.
/// </remarks>
internal sealed class Details
{
    /// <summary>The most values (numbers, strings, arrays, objects...) kept from what a check or action returned.</summary>
    internal const int MaxValues = 10_000;

    /// <summary>The most characters of text kept, all strings and keys together.</summary>
    internal const int MaxTextLength = 1_000_000;

    // The store's limit, so that what a check returns is never refused for its depth: an array or an object that would
    // nest deeper is kept as its text.
    private const int MaxDepth = IssueStore.MaxDetailsDepth;

    private static readonly string[] LibraryNamespaces = ["System", "Microsoft", "LiteDB", "Npgsql", "MailKit", "MimeKit"];

    private int valuesLeft = MaxValues;
    private int textLeft = MaxTextLength;

    private Details()
    {
    }

    public static JsonNode? ToJson(object? details) => new Details().ToJson(details, 0);

    /// <param name="depth">How many arrays and objects hold <paramref name="value"/>.</param>
    private JsonNode? ToJson(object? value, int depth)
    {
        valuesLeft--;
        if (depth >= MaxDepth && !IsScalar(value))
        {
            return Text($"(deeper than {MaxDepth} levels: {value})");
        }

        return value switch
        {
            null => null,
            JsonNode node => Bounded(JsonSerializer.SerializeToElement(node), depth),
            JsonElement element => Bounded(element, depth),
            string text => Text(text),
            bool flag => JsonValue.Create(flag),
            int or long or short or byte or sbyte or ushort or uint or ulong or double or float or decimal => Number(value),
            DateTime time => JsonValue.Create(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time),
            DateTimeOffset time => JsonValue.Create(time),
            TimeSpan span => JsonValue.Create(span.ToString("c", CultureInfo.InvariantCulture)),
            Guid or Uri or Enum or char or Version => Text(value.ToString()!),
            Exception exception => Text($"{exception.GetType().Name}: {exception.Message}"),
            IDictionary dictionary => Dictionary(dictionary, depth),
            IEnumerable sequence => Array(sequence.Cast<object?>(), depth),
            _ when IsData(value.GetType()) => Members(value, depth),
            _ => Text(value.ToString() ?? value.GetType().Name),
        };
    }

    // What becomes a JSON value rather than an array or an object.
    private static bool IsScalar(object? value) => value is null or string or bool or char or Enum or Guid or Uri
        or Version or DateTime or DateTimeOffset or TimeSpan or JsonValue or int or long or short or byte or sbyte
        or ushort or uint or ulong or double or float or decimal
        || value is JsonElement { ValueKind: not (JsonValueKind.Object or JsonValueKind.Array) };

    /// <summary>
    /// Whether a value of the type is read member by member: rule code's own types and anonymous types, tuples and
    /// key-value pairs, and types of no library the engine knows. Other library types are kept as their text.
    /// </summary>
    private static bool IsData(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(KeyValuePair<,>) || definition.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal)
                || definition.FullName!.StartsWith("System.Tuple`", StringComparison.Ordinal)))
        {
            return true;
        }

        var space = type.Namespace;
        return space is null || !LibraryNamespaces.Any(library =>
            space == library || space.StartsWith(library + ".", StringComparison.Ordinal));
    }

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

    /// <summary>The text, cut where the characters left run out.</summary>
    private JsonValue Text(string text)
    {
        if (text.Length <= textLeft)
        {
            textLeft -= text.Length;
            return JsonValue.Create(text);
        }

        var kept = text[..Math.Max(textLeft, 0)];
        textLeft = 0;
        return JsonValue.Create(string.Create(CultureInfo.InvariantCulture,
            $"{kept}... (cut: {text.Length:N0} characters; the details keep {MaxTextLength:N0} in all)"));
    }

    private string Key(string key)
    {
        textLeft -= key.Length;
        return key;
    }

    private static JsonValue CutMark() => JsonValue.Create(string.Create(CultureInfo.InvariantCulture,
        $"(cut: the details keep {MaxValues:N0} values)"));

    private JsonArray Array(IEnumerable<object?> items, int depth)
    {
        var json = new JsonArray();
        foreach (var item in items)
        {
            if (valuesLeft <= 0)
            {
                json.Add(CutMark());
                break;
            }

            json.Add(ToJson(item, depth + 1));
        }

        return json;
    }

    private JsonObject Dictionary(IDictionary dictionary, int depth)
    {
        var json = new JsonObject();
        foreach (DictionaryEntry entry in dictionary)
        {
            if (valuesLeft <= 0)
            {
                json["(cut)"] = CutMark();
                break;
            }

            json[Key(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "")] = ToJson(entry.Value, depth + 1);
        }

        return json;
    }

    // Public properties and fields, as a serializer would write them; a property that throws is shown as its error.
    private JsonObject Members(object value, int depth)
    {
        var json = new JsonObject();
        var type = value.GetType();
        var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetIndexParameters().Length == 0 && property.CanRead)
            .Select(property => (property.Name, Read: (Func<object?>)(() => property.GetValue(value))))
            .Concat(type.GetFields(BindingFlags.Public | BindingFlags.Instance)
                .Select(field => (field.Name, Read: (Func<object?>)(() => field.GetValue(value)))));
        foreach (var (name, read) in members)
        {
            if (valuesLeft <= 0)
            {
                json["(cut)"] = CutMark();
                break;
            }

            json[Key(name)] = Read(read, depth);
        }

        return json;
    }

    private JsonNode? Read(Func<object?> member, int depth)
    {
        try
        {
            return ToJson(member(), depth + 1);
        }
        catch (TargetInvocationException exception)
        {
            return Text($"({exception.InnerException?.GetType().Name}: {exception.InnerException?.Message})");
        }
    }

    /// <summary>Parsed JSON given as details, walked as any other value so that the same bounds hold.</summary>
    private JsonNode? Bounded(JsonElement element, int depth) => element.ValueKind switch
    {
        JsonValueKind.Object => Object(element, depth),
        JsonValueKind.Array => Array(element.EnumerateArray().Select(item => (object?)item), depth),
        JsonValueKind.String => Text(element.GetString()!),
        _ => JsonNode.Parse(element.GetRawText()),
    };

    private JsonObject Object(JsonElement element, int depth)
    {
        var json = new JsonObject();
        foreach (var property in element.EnumerateObject())
        {
            if (valuesLeft <= 0)
            {
                json["(cut)"] = CutMark();
                break;
            }

            json[Key(property.Name)] = ToJson(property.Value, depth + 1);
        }

        return json;
    }
}
