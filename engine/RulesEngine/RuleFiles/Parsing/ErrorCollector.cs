using YamlDotNet.Core;

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// Gathers the errors of one rule (or of the file's top level, with no rule) into the load's shared list, and
/// counts them so the reader knows whether the rule is valid.
/// </summary>
internal sealed class ErrorCollector(string path, ICollection<RuleError> sink, string? rule)
{
    public string Path { get; } = path;

    public string? Rule { get; } = rule;

    public bool HasErrors => Count > 0;

    public int Count { get; private set; }

    public void Add(Mark at, string message)
    {
        sink.Add(new RuleError(at.In(Path), Rule, message));
        Count++;
    }

    public SourceLocation Locate(Mark at) => at.In(Path);

    /// <summary>A collector for one rule, writing to the same list.</summary>
    public ErrorCollector ForRule(string? name) => new(Path, sink, name);
}
