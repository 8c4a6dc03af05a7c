using RulesEngine.RuleFiles;

namespace RulesEngine.Tests.RuleFiles;

/// <summary>Each line of inline C# keeps the line and column where it stands in the rule file.</summary>
public sealed class SnippetLineMappingTests
{
    private static CodeSnippet CheckOf(string rule) =>
        Fixture.Parse("snippet-lines.yaml").File.Assertions.Single(assertion => assertion.Name == rule).Check;

    [Fact]
    public void Literal_block_lines_start_on_the_line_after_the_indicator_at_the_block_indentation()
    {
        var check = CheckOf("block check");

        Assert.Equal(
            [
                new CodeLine("var limit = 10;", 4, 7),
                new CodeLine("", 5, 7),
                new CodeLine("  // indented further", 6, 7),
                new CodeLine("return Count() < limit;", 7, 7),
            ],
            check.Lines);
        Assert.Equal(new SourceLocation(Fixture.PathOf("snippet-lines.yaml"), 3, 12), check.Location);
    }

    [Fact]
    public void Literal_block_text_is_the_YAML_value_without_its_trailing_line_breaks()
    {
        var check = CheckOf("block check");

        Assert.Equal("var limit = 10;\n\n  // indented further\nreturn Count() < limit;", check.Text);
    }

    [Fact]
    public void Plain_one_line_code_starts_at_the_value_and_quoted_code_after_the_quote()
    {
        Assert.Equal([new CodeLine("Count() < 10", 10, 12)], CheckOf("plain check").Lines);
        Assert.Equal([new CodeLine("Count() < 10", 12, 13)], CheckOf("quoted check").Lines);
    }

    [Fact]
    public void Line_after_a_newline_escape_starts_after_the_escape()
    {
        Assert.Equal(
            [new CodeLine("var a = 1;", 14, 13), new CodeLine("  return a > 0;", 14, 25)],
            CheckOf("escaped lines").Lines);
    }

    [Fact]
    public void JSON_code_lines_are_placed_within_the_JSON_string()
    {
        var check = Fixture.Parse("valid-all-kinds.json").File.Assertions.Single().Check;

        Assert.Equal([(11, 17), (11, 73)], check.Lines.Select(line => (line.Line, line.Column)));
        Assert.StartsWith("return (", check.Lines[1].Text);
    }

    [Fact]
    public void Folded_block_keeps_the_line_breaks_as_written()
    {
        var text = "assertions:\n  - name: folded\n    check: >\n      Count()\n        < 10\n";

        var check = RuleFileParser.Parse("folded.yaml", text).File.Assertions.Single().Check;

        Assert.Equal([new CodeLine("Count()", 4, 7), new CodeLine("  < 10", 5, 7)], check.Lines);
    }

    [Fact]
    public void Blank_lines_in_a_multi_line_plain_scalar_start_new_lines_and_single_breaks_fold_into_spaces()
    {
        var text = "assertions:\n  - name: plain\n    check: Count()\n      < 10\n\n      && Ready\n";

        var check = RuleFileParser.Parse("plain.yaml", text).File.Assertions.Single().Check;

        Assert.Equal([new CodeLine("Count() < 10", 3, 12), new CodeLine("&& Ready", 6, 7)], check.Lines);
    }

    [Fact]
    public void Quoted_scalar_over_several_lines_places_each_value_line()
    {
        var text = "assertions:\n  - name: quoted\n    check: \"var a = 1;\\\n      \n      return a;\\n  \\x0a b\"\n";

        var check = RuleFileParser.Parse("quoted.yaml", text).File.Assertions.Single().Check;

        Assert.Equal(
            [new CodeLine("var a = 1;", 3, 13), new CodeLine("return a;", 5, 7), new CodeLine("  ", 5, 18),
                new CodeLine(" b", 5, 24)],
            check.Lines);
    }

    [Fact]
    public void Single_quoted_scalar_with_blank_lines_places_each_value_line()
    {
        var text = "assertions:\n  - name: single\n    check: 'it''s\n\n      ok'\n";

        var check = RuleFileParser.Parse("single.yaml", text).File.Assertions.Single().Check;

        Assert.Equal([new CodeLine("it's", 3, 13), new CodeLine("ok", 5, 7)], check.Lines);
    }
}
