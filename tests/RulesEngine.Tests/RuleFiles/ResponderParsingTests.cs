using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using RulesEngine.RuleFiles;

namespace RulesEngine.Tests.RuleFiles;

public sealed class ResponderParsingTests
{
    [Fact]
    public void S15_the_watch_pattern_matches_at_the_start_of_the_issue_name()
    {
        var text = "responders:\n  - watch: disk\n    actions: [log: a]\n  - watch: disk$\n    actions: [log: b]\n";
        var responders = RuleFileParser.Parse("s15.yaml", text).File.Responders;

        var prefix = responders.Single(responder => responder.Watch == "disk").Pattern;
        Assert.Matches(prefix, "disk full");
        Assert.Matches(prefix, "disk");
        Assert.DoesNotMatch(prefix, "full disk");

        var whole = responders.Single(responder => responder.Watch == "disk$").Pattern;
        Assert.Matches(whole, "disk");
        Assert.DoesNotMatch(whole, "disk full");
        Assert.DoesNotMatch(whole, "full disk");
    }

    [Fact]
    public void Watch_with_alternatives_is_anchored_as_a_whole()
    {
        var text = "responders:\n  - watch: disk|memory\n    actions: [log: a]\n";
        var pattern = RuleFileParser.Parse("alternatives.yaml", text).File.Responders.Single().Pattern;

        Assert.Matches(pattern, "memory low");
        Assert.DoesNotMatch(pattern, "low memory");
        Assert.Equal(RegexOptions.CultureInvariant, pattern.Options);
        Assert.Equal(TimeSpan.FromSeconds(1), pattern.MatchTimeout);
    }

    [Fact]
    public void S21_a_responder_from_a_JSON_document_is_the_same_as_one_from_YAML()
    {
        var fromYaml = Fixture.Parse("valid-all-kinds.yaml").File.Responders;
        var fromJson = Fixture.Parse("valid-all-kinds.json").File.Responders;

        Assert.Equal(2, fromJson.Count);
        Assert.Equal(fromYaml.Select(DefinitionText.Of), fromJson.Select(DefinitionText.Of));
    }

    [Fact]
    public void JSON_rule_file_gives_the_same_definitions_as_the_equivalent_YAML()
    {
        var fromYaml = Fixture.Parse("valid-all-kinds.yaml");
        var fromJson = Fixture.Parse("valid-all-kinds.json");

        Assert.Empty(fromJson.Errors);
        Assert.Equal(DefinitionText.Of(fromYaml.File), DefinitionText.Of(fromJson.File));
    }

    [Fact]
    public void Responder_keeps_its_keys_and_its_name_defaults_to_the_watch_pattern()
    {
        var responders = Fixture.Parse("valid-all-kinds.yaml").File.Responders;

        var unnamed = responders[0];
        Assert.Equal(@"That \*impossible\* edge case", unnamed.Name);
        Assert.Equal(unnamed.Watch, unnamed.Name);
        Assert.Matches(unnamed.Pattern, "That *impossible* edge case, again");
        Assert.False(unnamed.AllowRetry);
        Assert.Equal((29, 5), (unnamed.Location.Line, unnamed.Location.Column));

        var named = responders[1];
        Assert.Equal("disk pager", named.Name);
        Assert.Equal("Pages the on-call engineer about disks.", named.Description);
        Assert.True(named.AllowRetry);
    }

    [Fact]
    public void Actions_keep_their_delay_and_kind_and_unnamed_ones_are_keyed_by_position_and_kind()
    {
        var responders = Fixture.Parse("valid-all-kinds.yaml").File.Responders;

        var log = Assert.IsType<LogActionDefinition>(responders[0].Actions[0]);
        Assert.Equal(("0:log", TimeSpan.FromSeconds(30), "still open", LogLevel.Warning),
            (log.Key, log.Delay, log.Message.Text, log.Level));
        Assert.Equal((32, 9), (log.Location.Line, log.Location.Column));
        var run = Assert.IsType<RunActionDefinition>(responders[0].Actions[1]);
        Assert.Equal(("1:run", TimeSpan.FromMinutes(30)), (run.Key, run.Delay));
        Assert.Equal([new CodeLine("Log.LogWarning(\"still open: {Name}\", Issue.Name);", 36, 11)], run.Code.Lines);
        var page = Assert.IsType<LogActionDefinition>(responders[1].Actions.Single());
        Assert.Equal(("page", TimeSpan.FromHours(2), LogLevel.Error), (page.Key, page.Delay, page.Level));
    }

    [Fact]
    public void Log_level_is_read_in_any_case_and_defaults_to_warning()
    {
        var levels = Fixture.Parse("action-kinds.yaml").File.Responders.Single(responder => responder.Name == "levels");

        Assert.Equal([LogLevel.Debug, LogLevel.Critical, LogLevel.Warning],
            levels.Actions.Cast<LogActionDefinition>().Select(action => action.Level));
    }

    [Fact]
    public void Action_errors_are_each_reported_where_they_are()
    {
        var result = Fixture.Parse("action-kinds.yaml");

        Assert.Equal("an action takes exactly one of run, log, email, webhook or shell; found none", result.ErrorAt(5, 9).Message);
        Assert.Equal("an action takes exactly one of run, log, email, webhook or shell; found log and run", result.ErrorAt(9, 9).Message);
        Assert.StartsWith("the action key 'notify' is already used by the action at line 14",
            result.ErrorAt(16, 9).Message);
        Assert.StartsWith("unknown log level 'warn'; expected one of trace, debug", result.ErrorAt(27, 37).Message);
        Assert.Equal("expected at least one action for 'actions', found an empty sequence",
            result.ErrorAt(30, 14).Message);
        Assert.Equal(5, result.Errors.Count);
        Assert.Equal(["levels"], result.RuleNames());
    }

    [Fact]
    public void Email_action_given_only_an_address_is_an_error_and_the_sibling_responder_is_kept()
    {
        var result = Fixture.Parse("unsupported-kinds.yaml");

        var error = result.ErrorAt(5, 16);
        Assert.Equal("mailer", error.Rule);
        Assert.Equal("expected a mapping with to, subject, and text or html for 'email', found 'ops@example.com'",
            error.Message);
        Assert.Equal(["logger"], result.RuleNames());
    }

    [Fact]
    public void Invalid_watch_regex_is_an_error_with_the_regex_parser_message()
    {
        var result = Fixture.Parse("invalid-regex.yaml");

        var error = result.ErrorAt(3, 12);
        Assert.Single(result.Errors);
        Assert.Equal("broken watch", error.Rule);
        Assert.StartsWith("invalid regular expression 'disk [full' for 'watch': ", error.Message);
        Assert.Contains("Unterminated [] set", error.Message);
        Assert.Equal(["disk"], result.RuleNames());
    }

    [Fact]
    public void Duplicate_responder_names_are_errors_that_suggest_adding_a_name()
    {
        var result = Fixture.Parse("duplicate-responder-names.yaml");

        var error = result.ErrorAt(5, 12);
        Assert.Single(result.Errors);
        Assert.Equal("disk", error.Rule);
        Assert.StartsWith("the name 'disk' is already used by a responder at line 2;", error.Message);
        Assert.Contains("give one of them a distinct 'name:'", error.Message);
        Assert.Equal(["disk", "disk pager"], result.RuleNames());
    }

    [Fact]
    public void Allow_retry_that_is_not_a_boolean_is_an_error()
    {
        var text = "responders:\n  - watch: disk\n    allow_retry: yes\n    actions: [log: a]\n";

        var result = RuleFileParser.Parse("retry.yaml", text);

        Assert.Equal("expected true or false for 'allow_retry', found 'yes'", result.ErrorAt(3, 18).Message);
    }
}
