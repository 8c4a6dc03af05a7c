namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// Reads a value that may be secret: text, or <c>{ env: NAME }</c> naming the environment variable that holds it.
/// </summary>
internal static class SourceSettingReader
{
    public static SourceSetting? Read(YamlNode node, string key, string expected, ErrorCollector errors)
    {
        if (node is not MappingNode mapping)
        {
            return NodeReader.NonBlankText(node, key, $"{expected} or {{ env: NAME }}", errors) is { } text
                ? SourceSetting.FromText(text)
                : null;
        }

        var entries = KeyedMapping.Read(mapping, $"the value of '{key}'", ["env"], errors);
        var variable = entries.Required("env", "the name of the environment variable holding the value", errors);
        var name = variable is null ? null : NodeReader.NonBlankText(variable, "env", "an environment variable name", errors);
        if (name is not null && name.Any(character => character is '=' or '\0'))
        {
            errors.Add(variable!.Start, $"'{name}' is not an environment variable name");
            return null;
        }

        return name is null ? null : SourceSetting.FromEnvironment(name);
    }
}
