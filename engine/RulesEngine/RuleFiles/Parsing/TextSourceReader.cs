namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// Reads a webhook's URL or header value: a template (<c>"Bearer {{ issue.id }}"</c>), or a mapping naming an
/// environment variable, with an optional prefix (<c>{ env: PAGER_TOKEN, prefix: "Bearer " }</c>).
/// </summary>
internal static class TextSourceReader
{
    private static readonly string[] Keys = ["env", "prefix"];

    public static TextSource? Read(YamlNode node, string key, string expected, ErrorCollector errors)
    {
        if (node is not MappingNode mapping)
        {
            return TemplateReader.Read(node, key, expected, errors) is { } template ? new TextSource { Template = template } : null;
        }

        var source = KeyedMapping.Read(mapping, $"the environment variable of '{key}'", Keys, errors);
        var environment = source.Required("env", "the name of an environment variable", errors) is { } envNode
            ? EnvironmentNames.Read(envNode, "env", errors)
            : null;
        var prefix = source.Optional("prefix") is { } prefixNode
            ? NodeReader.Text(prefixNode, "prefix", "text put before the variable's value", errors)
            : "";
        return environment is null || prefix is null ? null : new TextSource { Environment = environment, Prefix = prefix };
    }
}
