using YamlDotNet.Core;

namespace RulesEngine.RuleFiles.Parsing;

internal sealed class ScalarNode(string value, ScalarStyle style, bool isTagged, Mark start, Mark end)
    : YamlNode(start, end)
{
    private const int LongestQuote = 40;

    public string Value { get; } = value;

    public ScalarStyle Style { get; } = style;

    /// <summary>True when written with an explicit tag such as <c>!!str</c>.</summary>
    public bool IsTagged { get; } = isTagged;

    public bool IsPlain => Style == ScalarStyle.Plain && !IsTagged;

    public bool IsQuoted => Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;

    /// <summary>An empty value, <c>~</c> or <c>null</c>, as the YAML 1.2 core schema reads a plain scalar.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe()
    {
        if (IsNull)
        {
            return "nothing";
        }

        var shown = Value.Length > LongestQuote ? Value[..LongestQuote] + "..." : Value;
        return $"'{shown.ReplaceLineEndings(" ")}'";
    }
}
