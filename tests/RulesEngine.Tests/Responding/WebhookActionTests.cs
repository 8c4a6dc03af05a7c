using System.Text.Json.Nodes;
using RulesEngine.Issues;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Responding;

/// <summary>Webhook actions against a real HTTP listener.</summary>
public sealed class WebhookActionTests : IAsyncLifetime
{
    private readonly Workspace workspace = new();
    private HttpTarget http = null!;

    public async Task InitializeAsync() => http = await HttpTarget.StartAsync();

    public async Task DisposeAsync()
    {
        await http.DisposeAsync();
        workspace.Dispose();
    }

    [Fact]
    public async Task By_default_the_issue_is_posted_as_JSON()
    {
        var engine = Open($$"""webhook: { url: "{{http.BaseUrl}}/ok" }""");
        var issue = engine.Issues.MaybeOpen(new IssueKey("queue stuck", "42"), JsonNode.Parse("""{"queue": "billing"}"""), "sqlite:app.db").Issue;

        await engine.RespondAsync();

        var request = Assert.Single(http.Requests);
        Assert.Equal("POST", request.Method);
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal(issue.Id, body["issue"]!["id"]!.GetValue<long>());
        Assert.Equal("queue stuck", body["issue"]!["name"]!.GetValue<string>());
        Assert.Equal("billing", body["issue"]!["details"]!["queue"]!.GetValue<string>());
        Assert.Equal("42", body["issue"]!["record"]!["key"]!.GetValue<string>());
        Assert.Equal("Open", body["issue"]!["status"]!.GetValue<string>());
        Assert.Equal("https://rules.example.com/api/issues/" + issue.Id, body["issue"]!["url"]!.GetValue<string>());
        Assert.Equal(("hook", "act", 1), (body["responder"]!["name"]!.GetValue<string>(),
            body["action"]!["name"]!.GetValue<string>(), body["action"]!["attempt"]!.GetValue<int>()));

        var run = Assert.Single(engine.Issues.Get(issue.Id)!.Actions);
        Assert.Equal(ActionOutcome.Succeeded, run.Outcome);
        Assert.Equal(200, run.Details!["status"]!.GetValue<int>());
        Assert.Equal("received", run.Details!["answer"]!.GetValue<string>());
        Assert.Equal(new Uri(http.BaseUrl).Authority, run.Details!["host"]!.GetValue<string>());
    }

    [Fact]
    public async Task URL_headers_and_body_are_templates_and_a_secret_header_comes_from_the_environment()
    {
        Environment.SetEnvironmentVariable("WEBHOOK_TEST_TOKEN", "s3cret");
        var engine = Open($$$"""
            webhook:
              method: put
              url: "{{{http.BaseUrl}}}/ok?issue={{ issue.id }}&name={{ issue.name | url_encode }}"
              headers:
                Authorization: { env: WEBHOOK_TEST_TOKEN, prefix: "Bearer " }
                X-Issue: "{{ issue.name }}"
              body:
                text: 'disk "{{ issue.details.mount }}" is full'
                count: 3
                nested: { open: true, tags: ["{{ issue.status }}", null] }
            """);
        var issue = engine.Issues.MaybeOpen(new IssueKey("disk full"), JsonNode.Parse("""{"mount": "/var"}""")).Issue;

        await engine.RespondAsync();

        var request = Assert.Single(http.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/ok?issue={issue.Id}&name=disk+full", request.Path);
        Assert.Equal("Bearer s3cret", request.Headers["Authorization"]);
        Assert.Equal("disk full", request.Headers["X-Issue"]);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"text": "disk \"/var\" is full", "count": 3, "nested": {"open": true, "tags": ["Open", null]}}"""),
            JsonNode.Parse(request.Body)));
        Assert.DoesNotContain("s3cret", engine.Issues.Get(issue.Id)!.Actions.Single().Details!.ToJsonString());
    }

    [Fact]
    public async Task An_answer_outside_2xx_is_a_failure_with_the_status_and_the_answer()
    {
        var engine = Open($$"""webhook: { url: "{{http.BaseUrl}}/fail" }""");
        var issue = engine.Issues.MaybeOpen(new IssueKey("disk full"), null).Issue;

        await engine.RespondAsync();

        var run = Assert.Single(engine.Issues.Get(issue.Id)!.Actions);
        Assert.Equal(ActionOutcome.Failed, run.Outcome);
        Assert.Equal($"POST to {new Uri(http.BaseUrl).Authority} was answered 500 Internal Server Error",
            run.Details!["error"]!.GetValue<string>());
        Assert.Equal(500, run.Details!["status"]!.GetValue<int>());
        Assert.Equal("the receiver is broken", run.Details!["answer"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_body_template_that_renders_invalid_JSON_fails_before_sending()
    {
        var engine = Open($$$"""
            webhook: { url: "{{{http.BaseUrl}}}/ok", body: '{"name": "{{ issue.name }}"}' }
            """);
        var issue = engine.Issues.MaybeOpen(new IssueKey("say \"hi\""), null).Issue;

        await engine.RespondAsync();

        var error = engine.Issues.Get(issue.Id)!.Actions.Single().Details!["error"]!.GetValue<string>();
        Assert.Contains("rendered text that is not JSON", error);
        Assert.Contains("json filter", error);
        Assert.Empty(http.Requests);
    }

    [Fact]
    public async Task A_slow_webhook_does_not_hold_up_other_issues()
    {
        // /together/2 answers only once two requests wait at once: responded to one after another, both would time out.
        var engine = Open($$"""
            timeout: 15s
            webhook: { url: "{{http.BaseUrl}}/together/2" }
            """, TimeProvider.System);
        var first = engine.Issues.MaybeOpen(new IssueKey("disk full on a"), null).Issue;
        var second = engine.Issues.MaybeOpen(new IssueKey("disk full on b"), null).Issue;

        var summary = await engine.RespondAsync();

        Assert.Equal(2, summary.Succeeded);
        Assert.Equal(ActionOutcome.Succeeded, engine.Issues.Get(first.Id)!.Actions.Single().Outcome);
        Assert.Equal(ActionOutcome.Succeeded, engine.Issues.Get(second.Id)!.Actions.Single().Outcome);
    }

    private Engine Open(string action, TimeProvider? clock = null)
    {
        var indented = string.Join("\n", action.Split('\n').Select(line => "        " + line));
        workspace.WriteRules("r.yaml", $"""
            responders:
              - name: hook
                watch: ".*"
                actions:
                  - name: act
            {indented}
            """);
        var engine = workspace.OpenEngine(workspace.Options with
        {
            TimeProvider = clock ?? workspace.Clock,
            ApiBaseUrl = "https://rules.example.com/api/",
        });
        Assert.Empty(engine.Rules.Errors);
        return engine;
    }
}
