using RulesEngine.RuleFiles;

namespace RulesEngine.Tests.RuleFiles;

/// <summary>The file as a whole: its top level, malformed YAML, and how errors are reported and rules kept.</summary>
public sealed class RuleFileParserTests
{
    [Theory]
    [InlineData("empty.yaml")]
    [InlineData("comments-only.yaml")]
    public void Empty_file_or_a_file_of_only_comments_gives_no_rules_and_no_error(string fixture)
    {
        var result = Fixture.Parse(fixture);

        Assert.Empty(result.Errors);
        Assert.Empty(result.RuleNames());
        Assert.Equal(Fixture.PathOf(fixture), result.File.Path);
    }

    [Fact]
    public void Valid_file_of_every_kind_gives_every_rule_and_no_error()
    {
        var result = Fixture.Parse("valid-all-kinds.yaml");

        Assert.Empty(result.Errors);
        Assert.Equal(["System.Net.Http", "System.Text.Json"], result.File.Usings);
        Assert.Equal(
            ["billing heartbeat", "profile pic", "orders have totals", "feature flags have owners",
                @"That \*impossible\* edge case", "disk pager"],
            result.RuleNames());
    }

    [Fact]
    public void Rule_location_is_the_start_of_its_mapping_and_paths_are_kept_as_given()
    {
        var result = RuleFileParser.Parse("rules/ops.yaml", "assertions:\n  - name: up\n    check: true\n");

        var assertion = Assert.Single(result.File.Assertions);
        Assert.Equal(new SourceLocation("rules/ops.yaml", 2, 5), assertion.Location);
        Assert.Equal("rules/ops.yaml", result.File.Path);
    }

    [Fact]
    public void Malformed_yaml_gives_one_error_where_YamlDotNet_reports_it()
    {
        var result = Fixture.Parse("malformed-yaml.yaml");

        var error = result.ErrorAt(4, 4);
        Assert.Single(result.Errors);
        Assert.Null(error.Rule);
        Assert.Equal(Fixture.PathOf("malformed-yaml.yaml"), error.Location.File);
        Assert.StartsWith("malformed YAML: ", error.Message);
        Assert.Contains("did not find expected '-' indicator", error.Message);
        Assert.Empty(result.RuleNames());
    }

    [Theory]
    [InlineData("assertions: [", 1, 14)]
    [InlineData("usings: []\nassertions: [", 2, 14)]
    [InlineData("usings: []\r\nassertions: [\r\n", 2, 14)]
    public void Malformed_yaml_at_the_end_of_a_file_is_reported_on_its_last_line_not_past_it(string text, int line, int column)
    {
        var result = RuleFileParser.Parse("rules/cut.yaml", text);

        var error = Assert.Single(result.Errors);
        Assert.Equal(new SourceLocation("rules/cut.yaml", line, column), error.Location);
        Assert.StartsWith("malformed YAML: ", error.Message);
    }

    [Fact]
    public void Unquoted_colon_in_inline_code_is_malformed_yaml_with_a_hint_to_quote_it()
    {
        var text = "responders:\n  - watch: a\n    actions:\n" +
            "      - run: Log.LogWarning(\"open: {Name}\", Issue.Name);\n";

        var result = RuleFileParser.Parse("hint.yaml", text);

        var error = result.ErrorAt(4, 34);
        Assert.Contains("found invalid mapping", error.Message);
        Assert.Contains("must be quoted, or written as a block", error.Message);
    }

    [Theory]
    [InlineData("assertions:\n  - name: a\n    check: |\n      var x = 1;\n\t  return true;\n", 5, 1)]
    [InlineData("assertions:\n  - name: a\n    params:\n      a: 1\n      b: 2\n      c:\n        z: 1\n" +
        "        w: 1\n\ty: 2\n    check: true\n", 9, 1)]
    [InlineData("a:\n  b: 1\n  \tc: 2\n", 3, 3)]
    public void A_tab_in_the_indentation_is_reported_at_the_tab(string text, int line, int column)
    {
        var result = RuleFileParser.Parse("tabs.yaml", text);

        var error = Assert.Single(result.Errors);
        Assert.Equal(new SourceLocation("tabs.yaml", line, column), error.Location);
        Assert.Equal("malformed YAML: a tab in the indentation; YAML indents with spaces only", error.Message);
    }

    [Fact]
    public void A_tab_inside_a_block_before_a_tab_in_the_indentation_is_passed_over()
    {
        var text = "assertions:\n  - name: a\n    check: |\n      \tvar x = 1;\n\t  return true;\n";

        var error = Assert.Single(RuleFileParser.Parse("tabs.yaml", text).Errors);

        Assert.Equal((5, 1), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void A_tab_inside_a_block_is_content_not_an_error()
    {
        var text = "assertions:\n  - name: a\n    check: |\n      var x = 1;\n      \treturn x == 1;\n";

        var result = RuleFileParser.Parse("tabs.yaml", text);

        Assert.Empty(result.Errors);
        Assert.Contains("\treturn x == 1;", result.File.Assertions.Single().Check.Text);
    }

    [Fact]
    public void Malformed_json_file_is_called_malformed_JSON_without_hints_about_YAML()
    {
        var result = RuleFileParser.Parse("rules/c.json", "// comment\n{\"assertions\": []}\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal("rules/c.json", error.Location.File);
        Assert.Equal("malformed JSON: While scanning a multiline plain scalar, found invalid mapping.", error.Message);
    }

    [Fact]
    public void A_merge_key_is_an_error_saying_merge_keys_are_not_supported()
    {
        var text = """
            assertions:
              - &base { name: first, check: "true" }
              - <<: *base
                name: second
                check: "false"
            """;

        var result = RuleFileParser.Parse("merge.yaml", text);

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, 5, "second"), (error.Location.Line, error.Location.Column, error.Rule));
        Assert.Equal("merge keys ('<<') are not supported in rule files: write out in an assertion the keys you meant " +
            "to merge", error.Message);
        Assert.Equal(["first"], result.RuleNames());
    }

    [Fact]
    public void A_rule_repeated_through_an_alias_is_a_duplicate_name_at_the_alias()
    {
        var text = """
            assertions:
              - &disk
                name: disk
                check: "true"
              - name: other
                check: "true"
              - *disk
            """;

        var result = RuleFileParser.Parse("alias.yaml", text);

        var error = Assert.Single(result.Errors);
        Assert.Equal((7, 5, "disk"), (error.Location.Line, error.Location.Column, error.Rule));
        Assert.Equal("the name 'disk' is already used by an assertion at line 2 (the alias '*disk' repeats it); " +
            "assertions and model assertions need distinct names, since each names the issues it opens", error.Message);
        Assert.Equal(["disk", "other"], result.RuleNames());
    }

    [Fact]
    public void Unclosed_flow_sequence_is_malformed_yaml_rather_than_an_exception()
    {
        var result = RuleFileParser.Parse("unclosed.yaml", "usings: [System.Net\nassertions: []\n");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("malformed YAML: ", error.Message);
        Assert.Equal(1, error.Location.Line);
    }

    [Fact]
    public void A_second_yaml_document_in_the_file_is_an_error()
    {
        var result = RuleFileParser.Parse("two.yaml", "assertions: []\n---\nresponders: []\n");

        var error = result.ErrorAt(2, 1);
        Assert.Contains("a second one starts here", error.Message);
    }

    [Fact]
    public void Unreadable_file_gives_one_error_at_line_1()
    {
        var path = Fixture.PathOf("no-such-file.yaml");

        var result = RuleFileParser.ParseFile(path);

        var error = result.ErrorAt(1, 1);
        Assert.Equal(path, error.Location.File);
        Assert.Contains("cannot read the rule file", error.Message);
        Assert.Empty(result.RuleNames());
    }

    [Fact]
    public void Unknown_key_is_an_error_naming_the_key_and_the_closest_known_key()
    {
        var result = Fixture.Parse("unknown-key.yaml");

        var error = result.ErrorAt(3, 5);
        Assert.Single(result.Errors);
        Assert.Equal("nightly backup", error.Rule);
        Assert.StartsWith("unknown key 'shedule'; did you mean 'schedule'?", error.Message);
        Assert.Contains("name, description, schedule, timezone, timeout, params, check", error.Message);
        Assert.Equal(["disk space"], result.RuleNames());
    }

    [Fact]
    public void Unknown_key_far_from_every_known_key_lists_the_allowed_keys_without_a_guess()
    {
        var result = RuleFileParser.Parse("far.yaml", "assertions:\n  - name: up\n    colour: blue\n    check: true\n");

        var error = result.ErrorAt(3, 5);
        Assert.Equal("unknown key 'colour'. Allowed in an assertion: name, description, schedule, timezone, " +
            "timeout, params, check", error.Message);
    }

    [Fact]
    public void Unknown_top_level_key_is_an_error_and_the_file_other_sections_still_load()
    {
        var result = Fixture.Parse("top-level-errors.yaml");

        var error = result.ErrorAt(2, 1);
        Assert.Null(error.Rule);
        Assert.StartsWith("unknown key 'assertion'; did you mean 'assertions'?", error.Message);
        Assert.Equal(["kept"], result.RuleNames());
    }

    [Fact]
    public void Usings_that_are_not_namespace_names_are_errors_and_the_others_are_kept()
    {
        var result = Fixture.Parse("top-level-errors.yaml");

        Assert.Contains("'System..Bad' in 'usings' is not a namespace name", result.ErrorAt(1, 27).Message);
        Assert.Contains("'42x' in 'usings' is not a namespace name", result.ErrorAt(1, 42).Message);
        Assert.Equal(3, result.Errors.Count);
        Assert.Equal(["System.Net.Http"], result.File.Usings);
    }

    [Fact]
    public void Duplicate_key_is_an_error_at_the_second_occurrence_and_the_other_rules_still_load()
    {
        var result = Fixture.Parse("duplicate-keys.yaml");

        var error = result.ErrorAt(4, 5);
        Assert.Single(result.Errors);
        Assert.Equal("checked twice", error.Rule);
        Assert.Equal("duplicate key 'check'; it is first given at line 3", error.Message);
        Assert.Equal(["checked once"], result.RuleNames());
    }

    [Fact]
    public void Top_level_section_given_twice_is_an_error_and_the_rules_under_both_are_read()
    {
        var text = "assertions:\n  - name: a\n    check: true\nassertions:\n  - name: b\n    check: true\n";

        var result = RuleFileParser.Parse("twice.yaml", text);

        Assert.Contains("duplicate key 'assertions'", result.ErrorAt(4, 1).Message);
        Assert.Equal(["a", "b"], result.RuleNames());
    }

    [Fact]
    public void Value_of_the_wrong_shape_is_an_error_saying_what_was_expected_and_what_was_found()
    {
        var result = Fixture.Parse("wrong-shapes.yaml");

        Assert.Equal("expected a name for 'name', found a sequence", result.ErrorAt(2, 11).Message);
        Assert.Equal("expected a mapping of parameter names to values for 'params', found a sequence",
            result.ErrorAt(5, 13).Message);
        Assert.Equal("expected an assertion (a mapping of its keys) for 'assertions', found 'just a string'",
            result.ErrorAt(7, 5).Message);
        Assert.Equal("expected a sequence of actions for 'actions', found a mapping", result.ErrorAt(10, 14).Message);
        Assert.Equal(4, result.Errors.Count);
        Assert.Empty(result.RuleNames());
    }

    [Fact]
    public void Error_names_its_rule_when_the_name_is_known_and_null_otherwise()
    {
        var result = Fixture.Parse("wrong-shapes.yaml");

        Assert.Null(result.ErrorAt(2, 11).Rule);
        Assert.Equal("listed params", result.ErrorAt(5, 13).Rule);
        Assert.Null(result.ErrorAt(7, 5).Rule);
        Assert.Equal("disk", result.ErrorAt(10, 14).Rule);
    }

    [Fact]
    public void Top_level_that_is_not_a_mapping_is_an_error()
    {
        var result = Fixture.Parse("wrong-top-level.yaml");

        var error = result.ErrorAt(1, 1);
        Assert.Single(result.Errors);
        Assert.Equal("expected a mapping with the keys usings, assertions, model_assertions, responders at the " +
            "top of the rule file, found a sequence", error.Message);
    }

    [Fact]
    public void Every_error_of_a_file_is_reported_in_order_of_position()
    {
        var result = Fixture.Parse("model-assertion-errors.yaml");

        Assert.Equal(7, result.Errors.Count);
        var positions = result.Errors.Select(error => (error.Location.Line, error.Location.Column)).ToList();
        Assert.Equal(positions.Order(), positions);
    }
}
