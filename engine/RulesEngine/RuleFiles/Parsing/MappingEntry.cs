namespace RulesEngine.RuleFiles.Parsing;

internal sealed record MappingEntry(YamlNode Key, YamlNode Value)
{
    /// <summary>The key's text when it is a scalar; null for the rare complex key (a mapping used as a key).</summary>
    public string? Name => (Key as ScalarNode)?.Value;
}
