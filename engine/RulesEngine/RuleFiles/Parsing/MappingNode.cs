using YamlDotNet.Core;

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>A mapping with its entries in the order written, duplicate keys included.</summary>
internal sealed class MappingNode(IReadOnlyList<MappingEntry> entries, Mark start, Mark end) : YamlNode(start, end)
{
    public IReadOnlyList<MappingEntry> Entries { get; } = entries;

    /// <summary>
    /// The alias's name (<c>x</c> of <c>*x</c>) when the mapping was read through an alias; its start and end are then
    /// the alias's, while its entries are the anchored mapping's own, at their lines.
    /// </summary>
    public string? Alias { get; init; }

    public override string Describe() => "a mapping";
}
