using RulesEngine.Issues;
using RulesEngine.RuleFiles;

namespace RulesEngine.Tests.RuleFiles.Parsing;

/// <summary>Rule names follow the store's rules for issue names, as load errors at the name's line.</summary>
public sealed class RuleNamesTests
{
    [Fact]
    public void A_name_longer_than_the_store_can_index_is_a_load_error_at_its_line_and_the_others_load()
    {
        var longName = new string('n', 1100);
        var longest = new string('é', IssueKeyRules.MaxNameBytes / 2);
        var text = $"""
            assertions:
              - name: short
                check: "true"
              - name: {longName}
                check: "true"
              - name: {longest}
                check: "true"
            model_assertions:
              - name: {longName}x
                source: {"{"} csharp: "new[] {"{"} 1 {"}"}" {"}"}
                key: Length
                check: "true"
            """;

        var result = RuleFileParser.Parse("long-names.yaml", text);

        Assert.Equal($"the name '{longName[..40]}' (cut; 1,100 characters) is 1,100 bytes long in UTF-8; a name is " +
            "at most 256 bytes, so that the issue store can index it", result.ErrorAt(4, 11).Message);
        Assert.StartsWith($"the name '{longName[..40]}' (cut; 1,101 characters) is 1,101 bytes long", result.ErrorAt(9, 11).Message);
        Assert.Equal(2, result.Errors.Count);
        Assert.Equal(["short", longest], result.RuleNames());
    }

    [Fact]
    public void A_responder_or_action_name_over_the_limit_is_a_load_error_too()
    {
        var longName = new string('r', IssueKeyRules.MaxNameBytes + 1);
        var text = $"""
            responders:
              - name: {longName}
                watch: disk
                actions: [log: full]
              - watch: memory
                actions:
                  - name: {longName}
                    log: low
            """;

        var result = RuleFileParser.Parse("long-responder-names.yaml", text);

        Assert.Contains("is 257 bytes long in UTF-8; a name is at most 256 bytes", result.ErrorAt(2, 11).Message);
        Assert.Contains("is 257 bytes long in UTF-8; a name is at most 256 bytes", result.ErrorAt(7, 15).Message);
        Assert.Equal(2, result.Errors.Count);
    }

    [Fact]
    public void A_responder_without_a_name_whose_watch_pattern_cannot_be_a_name_is_a_load_error_at_its_watch_line()
    {
        var longPattern = new string('d', 1100);
        var text = $"""
            responders:
              - watch: {longPattern}
                actions: [log: full]
              - watch: "disk\tfull"
                actions: [log: full]
              - name: long disk pattern
                watch: {longPattern}
                actions: [log: full]
            """;

        var result = RuleFileParser.Parse("unnamed-responders.yaml", text);

        Assert.Equal($"the watch pattern '{longPattern[..40]}' (cut; 1,100 characters) is 1,100 bytes long in UTF-8; a " +
            "name is at most 256 bytes, so that the issue store can index it; this responder has no 'name', so its " +
            "watch pattern would be its name, under which the runs of its actions are recorded: give it a 'name'",
            result.ErrorAt(2, 12).Message);
        Assert.StartsWith("the watch pattern 'disk\\tfull' holds a control character (a tab or a line break, say) at " +
            "position 5; a name is one line of text; this responder has no 'name'", result.ErrorAt(4, 12).Message);
        Assert.Equal(2, result.Errors.Count);
        Assert.Equal(["long disk pattern"], result.RuleNames());
    }

    [Fact]
    public void A_name_holding_a_line_or_paragraph_separator_is_a_load_error_at_its_line_and_the_others_load()
    {
        // YAML's double-quoted escapes \L (U+2028) and \P (U+2029), so the separators are visible here.
        var text = """
            assertions:
              - name: "disk\Lfull"
                check: "true"
              - name: fine
                check: "true"
            responders:
              - name: "page\Pops"
                watch: disk
                actions: [log: full]
            """;

        var result = RuleFileParser.Parse("separators.yaml", text);

        Assert.Equal("the name 'disk\\u2028full' holds a line separator (U+2028) at position 5; a name is one line of text",
            result.ErrorAt(2, 11).Message);
        Assert.Equal("the name 'page\\u2029ops' holds a paragraph separator (U+2029) at position 5; a name is one line of text",
            result.ErrorAt(7, 11).Message);
        Assert.Equal(2, result.Errors.Count);
        Assert.Equal(["fine"], result.RuleNames());
    }
}
