using YamlDotNet.Core;

namespace RulesEngine.RuleFiles.Parsing;

internal static class MarkExtensions
{
    /// <summary>YamlDotNet's marks are 1-based already, as <see cref="SourceLocation"/> is.</summary>
    public static SourceLocation In(this Mark mark, string path) => new(path, (int)mark.Line, (int)mark.Column);
}
