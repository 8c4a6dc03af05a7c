using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// Converts a rule's <c>params</c> mapping to JSON: mappings become objects, sequences arrays, and plain scalars
/// are typed by the YAML 1.2 core schema: null, true/false, integers (also 0x1F, 0o17) as long, floats as
/// double, anything else as string. A number JSON or a long cannot hold (.inf, .nan, 1e400, an integer beyond a
/// long's range) is an error.
/// Quoted, block and explicitly tagged scalars are always strings; a tag such as <c>!!int</c> is not applied.
/// Only the top-level names must be C# identifiers: they become members of <c>Params</c>.
/// </summary>
internal static partial class ParamsConverter
{
    public static JsonObject? Read(YamlNode node, ErrorCollector errors)
    {
        var mapping = NodeReader.Mapping(node, "params", "a mapping of parameter names to values", errors);
        return mapping is null ? null : ToObject(mapping, errors, namesAreMembers: true);
    }

    /// <summary>One scalar typed as a parameter value is: null, a boolean, a number, or else a string.</summary>
    public static JsonNode? ToJson(ScalarNode scalar, ErrorCollector errors) => ToNode(scalar, errors);

    public static bool TryReadBoolean(string text, out bool value)
    {
        value = text is "true" or "True" or "TRUE";
        return value || text is "false" or "False" or "FALSE";
    }

    private static JsonObject ToObject(MappingNode mapping, ErrorCollector errors, bool namesAreMembers)
    {
        var result = new JsonObject();
        foreach (var entry in mapping.Entries)
        {
            if (CheckName(entry, result, errors, namesAreMembers) is { } name)
            {
                result[name] = ToNode(entry.Value, errors);
            }
        }

        return result;
    }

    private static string? CheckName(MappingEntry entry, JsonObject seen, ErrorCollector errors, bool isMember)
    {
        var problem = entry.Name switch
        {
            null => $"expected a parameter name, found {entry.Key.Describe()}",
            var name when seen.ContainsKey(name) => $"duplicate parameter '{name}'",
            var name when isMember && !CSharpNames.IsIdentifier(name) =>
                $"the parameter name '{name}' is not a C# identifier (letters, digits and _, not starting " +
                "with a digit, not a keyword); it becomes a member of Params",
            _ => null,
        };

        if (problem is not null)
        {
            errors.Add(entry.Key.Start, problem);
            return null;
        }

        return entry.Name;
    }

    private static JsonNode? ToNode(YamlNode node, ErrorCollector errors) => node switch
    {
        MappingNode mapping => ToObject(mapping, errors, namesAreMembers: false),
        SequenceNode sequence => new JsonArray([.. sequence.Items.Select(item => ToNode(item, errors))]),
        ScalarNode { IsPlain: true } plain => Resolve(plain, errors),
        ScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "unknown YAML node"),
    };

    private static JsonNode? Resolve(ScalarNode scalar, ErrorCollector errors)
    {
        var text = scalar.Value;
        if (scalar.IsNull)
        {
            return null;
        }

        if (TryReadBoolean(text, out var boolean))
        {
            return JsonValue.Create(boolean);
        }

        if (IsInteger(text))
        {
            return ReadInteger(scalar, errors);
        }

        if (Float().IsMatch(text))
        {
            return ReadFloat(scalar, errors);
        }

        if (NotANumber().IsMatch(text))
        {
            errors.Add(scalar.Start, NotFinite(text));
        }

        return JsonValue.Create(text);
    }

    private static bool IsInteger(string text) =>
        Decimal().IsMatch(text)
        || (text.StartsWith("0x") && Hexadecimal().IsMatch(text[2..]))
        || (text.StartsWith("0o") && Octal().IsMatch(text[2..]));

    // An integer beyond a long's range is refused, even one a decimal could hold (up to about 7.9e28): a parameter
    // becomes a long or a double member of Params, and a double would silently round it (99999999999999999999999
    // became 1E+23). Whoever writes such a number means either text (an id) or an approximate floating value, and
    // only they can say which.
    private static JsonValue ReadInteger(ScalarNode scalar, ErrorCollector errors)
    {
        if (ParseInteger(scalar.Value) is { } number)
        {
            return JsonValue.Create(number);
        }

        var floating = Decimal().IsMatch(scalar.Value)
            ? $", or write it with a decimal point ('{scalar.Value}.0') if a floating-point number is meant"
            : "";
        errors.Add(scalar.Start, $"the value '{scalar.Value}' is outside the range of a 64-bit integer (long); " +
            $"quote it to pass it as text{floating}");
        return JsonValue.Create(scalar.Value);
    }

    private static long? ParseInteger(string text)
    {
        if (text.StartsWith("0x"))
        {
            return Unsigned(text[2..], 16);
        }

        if (text.StartsWith("0o"))
        {
            return Unsigned(text[2..], 8);
        }

        var style = NumberStyles.AllowLeadingSign;
        return long.TryParse(text, style, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    // Null when out of range for a long, rather than wrapping round to a negative number.
    private static long? Unsigned(string digits, int radix)
    {
        try
        {
            var number = Convert.ToUInt64(digits, radix);
            return number <= long.MaxValue ? (long)number : null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    // A float too large for a double (1e400) parses as infinity, which JSON cannot hold any more than '.inf'.
    private static JsonValue ReadFloat(ScalarNode scalar, ErrorCollector errors)
    {
        var number = double.Parse(scalar.Value, CultureInfo.InvariantCulture);
        if (double.IsFinite(number))
        {
            return JsonValue.Create(number);
        }

        errors.Add(scalar.Start, NotFinite(scalar.Value));
        return JsonValue.Create(scalar.Value);
    }

    private static string NotFinite(string text) =>
        $"the value '{text}' is not a finite number, which JSON cannot hold; quote it to pass it as text";

    [GeneratedRegex(@"\A[-+]?[0-9]+\z")]
    private static partial Regex Decimal();

    [GeneratedRegex(@"\A[0-9a-fA-F]+\z")]
    private static partial Regex Hexadecimal();

    [GeneratedRegex(@"\A[0-7]+\z")]
    private static partial Regex Octal();

    [GeneratedRegex(@"\A[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\z")]
    private static partial Regex Float();

    [GeneratedRegex(@"\A(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\z")]
    private static partial Regex NotANumber();
}
