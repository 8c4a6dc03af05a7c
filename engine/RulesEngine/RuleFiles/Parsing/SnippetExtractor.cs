using YamlDotNet.Core;

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// Takes inline C# (<c>check</c>, <c>run</c>, a <c>csharp</c> source) with the file position of each line, so
/// compiler errors can point at what the operator wrote. Trailing blank lines are dropped.
/// </summary>
internal static class SnippetExtractor
{
    public static CodeSnippet? Read(YamlNode node, string key, RuleFileText file, ErrorCollector errors)
    {
        var scalar = NodeReader.Scalar(node, key, "C# code", errors);
        if (scalar is null)
        {
            return null;
        }

        var snippet = Extract(scalar, file);
        if (snippet.Lines.Count == 0)
        {
            errors.Add(node.Start, $"expected C# code for '{key}', found only white space");
            return null;
        }

        return snippet;
    }

    public static CodeSnippet Extract(ScalarNode scalar, RuleFileText file)
    {
        var isBlock = scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded;
        var lines = isBlock ? BlockLines(scalar, file.Lines) : FlowLines(scalar, file.Lines);
        var kept = lines.Count;
        while (kept > 0 && string.IsNullOrWhiteSpace(lines[kept - 1].Text))
        {
            kept--;
        }

        return new CodeSnippet(lines.Take(kept).ToList(), scalar.Start.In(file.Path));
    }

    /// <summary>
    /// Lines of a <c>|</c> or <c>&gt;</c> block are taken from the file, each without the block's indentation,
    /// which is that of its first non-blank line. For <c>|</c> this is the value itself. For <c>&gt;</c> the line
    /// breaks YAML would fold into spaces are kept, which C# reads the same outside string literals and
    /// <c>//</c> comments. An explicit indentation indicator (<c>|2</c>) is not read.
    /// </summary>
    private static List<CodeLine> BlockLines(ScalarNode scalar, IReadOnlyList<string> raw)
    {
        var lines = new List<CodeLine>();
        if (string.IsNullOrWhiteSpace(scalar.Value))
        {
            return lines;
        }

        // The content starts on the line after the indicator; Start.Line is 1-based, so it is that line's index.
        var first = (int)scalar.Start.Line;
        var indent = Indentation(raw.Skip(first).FirstOrDefault(line => !string.IsNullOrWhiteSpace(line)) ?? "");
        for (var row = first; row < raw.Count; row++)
        {
            var text = raw[row];
            if (!string.IsNullOrWhiteSpace(text) && Indentation(text) < indent)
            {
                break;
            }

            lines.Add(new CodeLine(text.Length > indent ? text[indent..] : "", row + 1, indent + 1));
        }

        return lines;
    }

    private static List<CodeLine> FlowLines(ScalarNode scalar, IReadOnlyList<string> raw)
    {
        var values = scalar.Value.Split('\n');
        var starts = FlowScalarLines.Starts(scalar, raw);
        if (starts.Count != values.Length)
        {
            // The scanner missed a construct; every line is then placed where the value begins.
            starts = [.. values.Select(_ => starts[0])];
        }

        return [.. values.Zip(starts, (text, start) => new CodeLine(text.TrimEnd('\r'), start.Line, start.Column))];
    }

    private static int Indentation(string line) => line.Length - line.TrimStart(' ').Length;
}
