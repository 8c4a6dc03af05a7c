using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RulesEngine.Compilation;

/// <summary>
/// Writes a rule's <c>params</c> map as a generated class with one typed field per key, so that
/// <c>Params.max_age_minutes</c> is a <c>long</c> and a misspelled key is a compile error at load.
/// </summary>
internal static class ParamsWriter
{
    /// <summary>Writes the class <paramref name="className"/> and any nested classes it needs.</summary>
    public static void Write(CodeWriter writer, string className, JsonObject parameters)
    {
        var nested = new List<(string ClassName, JsonObject Value)>();
        writer.Line($"public sealed class {className}");
        writer.Line("{");
        foreach (var (name, value) in parameters)
        {
            var (type, initializer) = Describe(value, $"{className}_{name}", nested);
            writer.Line($"    public readonly {type} {Snippets.Identifier(name)} = {initializer};");
        }

        writer.Line("}");
        foreach (var (nestedName, nestedValue) in nested)
        {
            Write(writer, nestedName, nestedValue);
        }
    }

    private static (string Type, string Initializer) Describe(JsonNode? value, string nestedName, List<(string, JsonObject)> nested)
    {
        switch (value)
        {
            case null:
                return ("object?", "null");
            case JsonObject obj:
                nested.Add((nestedName, obj));
                return (nestedName, $"new {nestedName}()");
            case JsonArray array:
                return DescribeArray(array);
            default:
                return DescribeScalar(value.AsValue());
        }
    }

    private static (string, string) DescribeScalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.True or JsonValueKind.False => ("bool", value.GetValue<bool>() ? "true" : "false"),
        JsonValueKind.String => ("string", Snippets.Literal(value.GetValue<string>())),
        JsonValueKind.Number when value.TryGetValue<long>(out var integer) => ("long", integer.ToString(CultureInfo.InvariantCulture) + "L"),
        JsonValueKind.Number => ("double", Double(value.GetValue<double>())),
        _ => ("object?", "null"),
    };

    private static (string, string) DescribeArray(JsonArray array)
    {
        var kinds = array.Select(item => item?.GetValueKind() ?? JsonValueKind.Null).Distinct().ToList();
        var elementType = kinds switch
        {
            [JsonValueKind.String] => "string",
            [JsonValueKind.True or JsonValueKind.False] or [JsonValueKind.True, JsonValueKind.False] or [JsonValueKind.False, JsonValueKind.True] => "bool",
            [JsonValueKind.Number] when array.All(item => item!.AsValue().TryGetValue<long>(out _)) => "long",
            [JsonValueKind.Number] => "double",
            [] => "string",
            _ => null,
        };

        if (elementType is null)
        {
            // Mixed or nested arrays stay JSON: a typed shape cannot be inferred from them.
            return ("System.Text.Json.Nodes.JsonArray", $"System.Text.Json.Nodes.JsonNode.Parse({Snippets.Literal(array.ToJsonString())})!.AsArray()");
        }

        var items = array.Select(item => DescribeScalar(item!.AsValue()) switch
        {
            ("long", var literal) when elementType == "double" => literal.TrimEnd('L') + "d",
            (_, var literal) => literal,
        });
        return ($"{elementType}[]", $"new {elementType}[] {{ {string.Join(", ", items)} }}");
    }

    private static string Double(double value) =>
        double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) + "d" : "double.NaN";
}
