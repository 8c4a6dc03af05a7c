using System.Text;
using RulesEngine.RuleFiles;

namespace RulesEngine.Compilation;

/// <summary>
/// Builds generated C# and remembers which generated lines belong to which rule, so that a compiler diagnostic
/// can be charged to the rule that caused it. User code is written under <c>#line</c> directives that give
/// each line's place in the rule file, so diagnostics and stack traces name the YAML line and column.
/// </summary>
internal sealed class CodeWriter(string ruleFilePath)
{
    private readonly StringBuilder text = new();
    private readonly List<(int FirstLine, int LastLine, string Rule)> ruleSpans = [];
    private readonly string linePath = ruleFilePath.Replace('"', '\'');
    private int line;
    private int ruleStart = -1;
    private string? currentRule;

    public override string ToString() => text.ToString();

    public void Line(string code = "")
    {
        text.Append(code).Append('\n');
        line++;
    }

    /// <summary>Writes the snippet's lines at their file positions, then returns to hidden generated code.</summary>
    public void UserCode(CodeSnippet snippet) => UserCode(snippet.Lines);

    public void UserCode(IReadOnlyList<CodeLine> lines)
    {
        foreach (var codeLine in lines)
        {
            Line($"#line {codeLine.Line} \"{linePath}\"");
            Line(new string(' ', Math.Max(0, codeLine.Column - 1)) + codeLine.Text);
        }

        Line("#line hidden");
    }

    /// <summary>Writes one generated line that diagnostics should report at the given place in the rule file.</summary>
    public void At(SourceLocation location, string code) =>
        UserCode([new CodeLine(code, location.Line, location.Column)]);

    public void BeginRule(string rule)
    {
        currentRule = rule;
        ruleStart = line;
    }

    public void EndRule()
    {
        ruleSpans.Add((ruleStart, line, currentRule!));
        currentRule = null;
    }

    /// <summary>The rule whose generated code holds the 0-based generated line, or null for file-level code.</summary>
    public string? RuleAt(int generatedLine) =>
        ruleSpans.FirstOrDefault(span => generatedLine >= span.FirstLine && generatedLine < span.LastLine).Rule;
}
