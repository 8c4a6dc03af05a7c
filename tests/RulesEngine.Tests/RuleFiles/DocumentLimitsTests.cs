using RulesEngine.RuleFiles;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.RuleFiles;

/// <summary>
/// A rule file that would exhaust the engine (aliases that expand to a billion values, nesting deep enough to
/// overflow the stack) is an error of that file at the place it goes past the limit; other files still load.
/// </summary>
public sealed class DocumentLimitsTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void An_alias_bomb_in_params_is_an_error_at_the_alias_that_goes_past_the_limit_and_other_files_load()
    {
        var bomb = workspace.WriteRules("bomb.yaml", AliasBomb());
        workspace.WriteRules("fine.yaml", "assertions: [ { name: fine, check: 'true' } ]");
        using var engine = workspace.OpenEngine();

        // Anchors of 11, 111, 1,111 and 11,111 values: the eighth alias of the fifth line takes the aliases past 100,000.
        var error = Assert.Single(engine.Rules.Errors);
        Assert.Equal((bomb, 8, 42, null), (error.Location.File, error.Location.Line, error.Location.Column, error.Rule));
        Assert.Equal("the alias '*d' makes the file's aliases stand for more than 100,000 values (each alias counts " +
            "every value under its anchor, and aliases of aliases multiply); a rule file's aliases may add at most " +
            "that many: write fewer nested aliases", error.Message);
        Assert.Equal(["fine"], engine.Rules.Assertions.Select(rule => rule.Name));
    }

    [Fact]
    public void Aliases_of_a_long_text_that_add_more_than_ten_million_characters_are_an_error_at_the_alias_past_the_limit()
    {
        // The tester's file: one anchored 100 KB string and 20,000 aliases of it, 160 KB standing for 2 billion characters.
        var text = "assertions:\n  - name: long text\n    params:\n" +
            $"      text: &s {new string('x', 100_000)}\n" +
            $"      list: [{string.Join(", ", Enumerable.Repeat("*s", 20_000))}]\n" +
            "    check: 'true'\n";

        var result = RuleFileParser.Parse("long-text-aliases.yaml", text);

        // A hundred aliases add exactly 10,000,000 characters; the 101st, four columns on per alias, goes past.
        var error = Assert.Single(result.Errors);
        Assert.Equal(("long-text-aliases.yaml", 5, 14 + 100 * 4, null),
            (error.Location.File, error.Location.Line, error.Location.Column, error.Rule));
        Assert.Equal("the alias '*s' makes the file's aliases stand for more than 10,000,000 characters of text (each " +
            "alias counts the text of every value under its anchor, and aliases of aliases multiply); a rule file's " +
            "aliases may add at most that many: alias long text fewer times", error.Message);
        Assert.Empty(result.RuleNames());
    }

    [Fact]
    public void Aliases_of_text_up_to_the_character_limit_are_read()
    {
        var text = "assertions:\n  - name: long text\n    params:\n" +
            $"      text: &s {new string('x', 100_000)}\n" +
            $"      list: [{string.Join(", ", Enumerable.Repeat("*s", 100))}]\n" +
            "    check: 'true'\n";

        var result = RuleFileParser.Parse("long-text-aliases.yaml", text);

        Assert.Empty(result.Errors);
        Assert.Equal(100, result.File.Assertions.Single().Params!["list"]!.AsArray().Count);
    }

    [Fact]
    public void Aliases_within_the_limit_are_read_as_the_values_they_name()
    {
        var result = RuleFileParser.Parse("shared.yaml", """
            assertions:
              - name: first
                params: &shared { limits: &limits [1, 2, 3], owner: ops }
                check: "true"
              - name: second
                params: { limits: *limits, copy: *shared }
                check: "true"
            """);

        Assert.Empty(result.Errors);
        Assert.Equal("""{"limits":[1,2,3],"copy":{"limits":[1,2,3],"owner":"ops"}}""",
            result.File.Assertions[1].Params!.ToJsonString());
    }

    [Theory]
    [InlineData(65)]
    [InlineData(100_000)]
    public void Nesting_deeper_than_the_limit_is_an_error_at_the_first_level_past_it_not_a_stack_overflow(int levels)
    {
        var text = $"assertions:\n  - name: deep\n    params: {{ p: {new string('[', levels)}1{new string(']', levels)} }}\n" +
            "    check: 'true'\n";

        var result = RuleFileParser.Parse("deep.yaml", text);

        // The file's mapping, the assertions, the rule and its params take four levels: the 61st '[' is the 65th.
        var error = result.ErrorAt(3, 18 + 60);
        Assert.Null(error.Rule);
        Assert.Equal("the document nests deeper than 64 levels here; a rule file may nest at most that deep", error.Message);
        Assert.Empty(result.RuleNames());
    }

    /// <summary>Nine levels of ten aliases each, as the tester wrote it: a billion values once expanded.</summary>
    private static string AliasBomb()
    {
        var lines = new List<string> { "assertions:", "  - name: bomb", "    params:" };
        lines.Add("      a: &a [" + string.Join(", ", Enumerable.Repeat("lol", 10)) + "]");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            lines.Add($"      {level}: &{level} [" + string.Join(", ", Enumerable.Repeat($"*{previous}", 10)) + "]");
        }

        lines.Add("    check: \"true\"");
        return string.Join("\n", lines) + "\n";
    }
}
