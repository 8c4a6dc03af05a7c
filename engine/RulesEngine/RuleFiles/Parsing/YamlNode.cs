using YamlDotNet.Core;

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// A node of a rule file's YAML, with where it starts and ends. Built by <see cref="YamlDocumentReader"/> instead
/// of YamlDotNet's representation model because that model throws on the first duplicate key, which would stop
/// the whole file; here a mapping keeps every entry and the rule readers report duplicates one rule at a time.
/// </summary>
internal abstract class YamlNode(Mark start, Mark end)
{
    /// <summary>1-based, as YamlDotNet reports it.</summary>
    public Mark Start { get; } = start;

    /// <summary>Just past the node's last character.</summary>
    public Mark End { get; } = end;

    /// <summary>What the node is, for "expected ..., found ..." messages.</summary>
    public abstract string Describe();
}
