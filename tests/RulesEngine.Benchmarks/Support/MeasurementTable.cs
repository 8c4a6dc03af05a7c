using System.Text;

namespace RulesEngine.Benchmarks.Support;

/// <summary>The result of one whole-engine measurement, as a markdown table for the report.</summary>
public sealed record MeasurementTable(string Title, string Description, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public string ToMarkdown()
    {
        var text = new StringBuilder($"### {Title}\n\n{Description}\n\n");
        text.Append("| ").AppendJoin(" | ", Columns).Append(" |\n");
        text.Append('|').AppendJoin('|', Columns.Select(_ => " --- ")).Append("|\n");
        foreach (var row in Rows)
        {
            text.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        }

        return text.ToString();
    }
}
