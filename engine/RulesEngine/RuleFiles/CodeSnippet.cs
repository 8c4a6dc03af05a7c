namespace RulesEngine.RuleFiles;

/// <summary>
/// Inline C# taken from a rule file, line by line, each line with its place in the file, so that compiler
/// diagnostics and stack traces point at the YAML line and column the operator wrote.
/// </summary>
public sealed record CodeSnippet(IReadOnlyList<CodeLine> Lines, SourceLocation Location)
{
    public string Text => string.Join('\n', Lines.Select(line => line.Text));
}
