using YamlDotNet.Core;

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>A mapping with its entries in the order written, duplicate keys included.</summary>
internal sealed class MappingNode(IReadOnlyList<MappingEntry> entries, Mark start, Mark end) : YamlNode(start, end)
{
    public IReadOnlyList<MappingEntry> Entries { get; } = entries;

    public override string Describe() => "a mapping";
}
