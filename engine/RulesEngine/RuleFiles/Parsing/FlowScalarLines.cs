using YamlDotNet.Core;

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// Finds where each line of a flow scalar's value (plain, single- or double-quoted) begins in the file.
/// A value line begins at the scalar's start, after a <c>\n</c> escape (also written <c>\x0a</c>, <c>\u000a</c>),
/// or after blank lines that YAML folds into line breaks. Limitations: a single line break that YAML folds into
/// a space does not start a value line, so code after it is placed on the line where its value line began;
/// and within a line, escapes (<c>\"</c>, <c>''</c>) shift the columns of what follows them by their length.
/// </summary>
internal static class FlowScalarLines
{
    private static readonly string[] LineFeedEscapes = ["n", "x0a", "u000a", "U0000000a"];

    /// <returns>1-based line and column of each value line; as many as the scanner found, which the caller
    /// compares with the value's line count.</returns>
    public static List<(int Line, int Column)> Starts(ScalarNode scalar, IReadOnlyList<string> raw)
    {
        var row = (int)scalar.Start.Line - 1;
        var column = (int)scalar.Start.Column - 1 + (scalar.IsQuoted ? 1 : 0);
        var (endRow, endColumn) = ((int)scalar.End.Line - 1, (int)scalar.End.Column - 1);
        var starts = new List<(int Line, int Column)> { (row + 1, column + 1) };

        while (row < raw.Count && (row < endRow || column < endColumn))
        {
            var text = raw[row];
            if (column >= text.Length)
            {
                (row, column) = Fold(raw, row + 1, endRow, starts);
            }
            else if (scalar.Style == ScalarStyle.DoubleQuoted && text[column] == '\\')
            {
                (row, column) = Escape(raw, row, column, endRow, starts);
            }
            else
            {
                var isQuotedQuote = scalar.Style == ScalarStyle.SingleQuoted && text[column] == '\'';
                column += isQuotedQuote ? 2 : 1;
            }
        }

        return starts;
    }

    // A line break followed by n blank lines gives n line breaks in the value (none: a space); the
    // value lines between them are the blank lines after the first, the last one the next text line.
    private static (int Row, int Column) Fold(IReadOnlyList<string> raw, int row, int endRow,
        List<(int Line, int Column)> starts)
    {
        var blankRows = new List<int>();
        while (row < endRow && string.IsNullOrWhiteSpace(raw[row]))
        {
            blankRows.Add(row++);
        }

        starts.AddRange(blankRows.Skip(1).Select(blank => (blank + 1, 1)));
        var column = row < raw.Count ? raw[row].Length - raw[row].TrimStart(' ', '\t').Length : 0;
        if (blankRows.Count > 0)
        {
            starts.Add((row + 1, column + 1));
        }

        return (row, column);
    }

    private static (int Row, int Column) Escape(IReadOnlyList<string> raw, int row, int column, int endRow,
        List<(int Line, int Column)> starts)
    {
        var text = raw[row];
        if (column + 1 >= text.Length)
        {
            // An escaped line break joins the lines with nothing; blank lines after it still count.
            return Fold(raw, row + 1, endRow, starts);
        }

        var length = LineFeedEscapeLength(text, column + 1);
        if (length == 0)
        {
            return (row, column + 2);
        }

        var next = column + 1 + length;
        starts.Add((row + 1, next + 1));
        return (row, next);
    }

    // The escape letter is case-sensitive (\u and \U differ), its hex digits are not (\x0A is a line feed).
    private static int LineFeedEscapeLength(string text, int at) =>
        LineFeedEscapes.FirstOrDefault(escape => at + escape.Length <= text.Length && text[at] == escape[0]
            && text.AsSpan(at + 1, escape.Length - 1).Equals(escape.AsSpan(1), StringComparison.OrdinalIgnoreCase))
            ?.Length ?? 0;
}
