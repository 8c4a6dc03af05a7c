using System.Text.Json.Nodes;
using RulesEngine.Templates;

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// Reads a webhook's <c>body</c>: a string is a template for the whole body; a mapping or a sequence is a JSON
/// document whose strings are templates and whose plain numbers, booleans and nulls are typed as in <c>params</c>.
/// </summary>
internal static class WebhookBodyReader
{
    public static WebhookBody? Read(YamlNode node, ErrorCollector errors)
    {
        if (node is ScalarNode)
        {
            return TemplateReader.Read(node, "body", "a template, or a mapping written as JSON", errors) is { } text
                ? new WebhookBody { Text = text }
                : null;
        }

        var strings = new Dictionary<string, IssueTemplate>(StringComparer.Ordinal);
        var json = ToJson(node, strings, errors);
        return new WebhookBody { Json = json, Strings = strings };
    }

    private static JsonNode? ToJson(YamlNode node, Dictionary<string, IssueTemplate> strings, ErrorCollector errors) =>
        node switch
        {
            MappingNode mapping => ToObject(mapping, strings, errors),
            SequenceNode sequence => new JsonArray([.. sequence.Items.Select(item => ToJson(item, strings, errors))]),
            ScalarNode scalar => ToValue(scalar, strings, errors),
            _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "unknown YAML node"),
        };

    private static JsonObject ToObject(MappingNode mapping, Dictionary<string, IssueTemplate> strings,
        ErrorCollector errors)
    {
        var result = new JsonObject();
        foreach (var entry in mapping.Entries)
        {
            if (entry.Name is null)
            {
                errors.Add(entry.Key.Start, $"expected a key name in 'body', found {entry.Key.Describe()}");
            }
            else if (result.ContainsKey(entry.Name))
            {
                errors.Add(entry.Key.Start, $"duplicate key '{entry.Name}' in 'body'");
            }
            else
            {
                result[entry.Name] = ToJson(entry.Value, strings, errors);
            }
        }

        return result;
    }

    private static JsonNode? ToValue(ScalarNode scalar, Dictionary<string, IssueTemplate> strings, ErrorCollector errors)
    {
        var value = ParamsConverter.ToJson(scalar, errors);
        if (value is JsonValue text && text.GetValueKind() == System.Text.Json.JsonValueKind.String
            && !strings.ContainsKey(scalar.Value)
            && TemplateReader.Read(scalar, "body", "a template", errors) is { } template)
        {
            strings[scalar.Value] = template;
        }

        return value;
    }
}
