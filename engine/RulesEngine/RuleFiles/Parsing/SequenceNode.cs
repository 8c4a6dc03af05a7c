using YamlDotNet.Core;

namespace RulesEngine.RuleFiles.Parsing;

internal sealed class SequenceNode(IReadOnlyList<YamlNode> items, Mark start, Mark end) : YamlNode(start, end)
{
    public IReadOnlyList<YamlNode> Items { get; } = items;

    public override string Describe() => "a sequence";
}
