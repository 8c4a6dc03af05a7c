using System.Text.Json.Nodes;
using RulesEngine.Issues;
using RulesEngine.RuleFiles;
using RulesEngine.Tests.RuleFiles;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Templates;

/// <summary>Templates over the issue: what is a load error, what fails the action, and what they render.</summary>
public sealed class TemplateTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void A_template_syntax_error_is_a_load_error_at_its_line()
    {
        var result = Parse("""shell: { program: /bin/echo, args: ["{{ issue.name "] }""");

        var error = Assert.Single(result.Errors);
        Assert.Equal((6, 45), (error.Location.Line, error.Location.Column));
        Assert.StartsWith("'args': invalid template: End of tag '}}' was expected at (1:14)", error.Message);
        Assert.Empty(result.File.Responders);
    }

    [Fact]
    public void Unknown_names_are_load_errors_even_in_a_branch_that_may_never_run()
    {
        var result = Parse("""
            shell:
              program: /bin/echo
              args:
                - "{% if issue.status == 'Resolved' %}{{ issue.resolvd_at }}{% endif %}"
                - "{{ isue.name }}"
                - "{{ issue.record.kee }}"
                - "{% assign n = issue.name %}{% for x in issue.details.items %}{{ n }}{{ x.whatever }}{{ forloop.index }}{% endfor %}"
                - "{{ issue.name | upcse }}"
            """);

        Assert.Equal([
            "'args': unknown field 'issue.resolvd_at'; did you mean 'resolved_at'? (issue has id, name, status, details, " +
                "record, created_at, last_seen_at, resolved_at, resolution, url)",
            "'args': unknown variable 'isue'; did you mean 'issue'? (a template can use issue, responder, action)",
            "'args': unknown field 'issue.record.kee'; did you mean 'key'? (issue.record has key, source)",
            "'args': unknown filter 'upcse'; did you mean 'upcase'? (see the Liquid filters in docs/responders.md)",
        ], result.Errors.Select(error => error.Message));
    }

    [Fact]
    public async Task Issue_fields_render_and_the_link_uses_the_engines_API_base_URL()
    {
        var engine = Open("""
            shell:
              program: /bin/echo
              args: ["{{ issue.id }}|{{ issue.name }}|{{ issue.status }}|{{ issue.record.key }}|{{ issue.details.n | plus: 1 }}|{{ issue.created_at | date: '%H:%M' }}|{{ issue.url }}|{{ responder.name }}|{{ action.name }}|{{ action.attempt }}|{% if issue.details contains 'missing' %}yes{% else %}no{% endif %}|{{ issue.details }}|{{ issue.details | json }}"]
            """, workspace.Options with { ApiBaseUrl = "http://engine:8080" });
        var issue = engine.Issues.MaybeOpen(new IssueKey("disk full", "db1"), JsonNode.Parse("""{"n": 41}"""), "hosts").Issue;

        await engine.RespondAsync();

        var stdout = engine.Issues.Get(issue.Id)!.Actions.Single().Details!["stdout"]!.GetValue<string>();
        Assert.Equal($"{issue.Id}|disk full|Open|db1|42|12:00|http://engine:8080/issues/{issue.Id}|t|act|1|no|{{\"n\":41}}|{{\"n\":41}}\n", stdout);
    }

    [Fact]
    public async Task The_issue_link_without_an_API_base_URL_fails_the_action_saying_what_to_set()
    {
        var engine = Open("""shell: { program: /bin/echo, args: ["{{ issue.url }}"] }""");
        var issue = engine.Issues.MaybeOpen(new IssueKey("disk full"), null).Issue;

        await engine.RespondAsync();

        var error = engine.Issues.Get(issue.Id)!.Actions.Single().Details!["error"]!.GetValue<string>();
        Assert.Contains("'issue.url' needs the engine's API base URL", error);
        Assert.Contains("RULES_ENGINE_API_URL", error);
    }

    [Fact]
    public async Task A_missing_details_field_fails_the_action_naming_the_field_and_those_the_details_have()
    {
        var engine = Open("""shell: { program: /bin/echo, args: ["{{ issue.details.disk.mount }}"] }""");
        var issue = engine.Issues.MaybeOpen(new IssueKey("disk full"), JsonNode.Parse("""{"disk": {"size": 1, "free": 0}}""")).Issue;

        await engine.RespondAsync();

        var run = engine.Issues.Get(issue.Id)!.Actions.Single();
        Assert.Equal(ActionOutcome.Failed, run.Outcome);
        Assert.EndsWith("failed: 'issue.details.disk' has no field 'mount' (it has size, free)", run.Details!["error"]!.GetValue<string>());
    }

    private RuleFileParseResult Parse(string action) =>
        RuleFileParser.Parse("t.yaml", Responder(action));

    private Engine Open(string action, EngineOptions? options = null)
    {
        workspace.WriteRules("t.yaml", Responder(action));
        var engine = workspace.OpenEngine(options);
        Assert.Empty(engine.Rules.Errors);
        return engine;
    }

    private static string Responder(string action)
    {
        var indented = string.Join("\n", action.Split('\n').Select(line => "        " + line));
        return $"""
            responders:
              - name: t
                watch: disk
                actions:
                  - name: act
            {indented}
            """;
    }
}
