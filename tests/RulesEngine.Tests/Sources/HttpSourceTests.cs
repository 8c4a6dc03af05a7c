using RulesEngine.Checking;
using RulesEngine.Issues;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Sources;

/// <summary>The http source against a real Kestrel server on loopback.</summary>
public sealed class HttpSourceTests : IAsyncLifetime, IDisposable
{
    private readonly Workspace workspace = new();
    private readonly string variable = "RULES_ENGINE_TEST_TOKEN_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private TestHttpServer server = null!;

    public async Task InitializeAsync()
    {
        server = await TestHttpServer.StartAsync();
        Environment.SetEnvironmentVariable(variable, "Bearer s3cret-token");
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    public void Dispose()
    {
        workspace.Dispose();
        Environment.SetEnvironmentVariable(variable, null);
    }

    [Fact]
    public async Task Records_under_the_path_open_and_resolve_issues_and_the_header_comes_from_the_environment()
    {
        WriteRule(path: "data.items");
        server.Answer = (200, Orders("""{"id": 1, "paid": true}, {"id": 2, "paid": false}, {"id": 3, "paid": false}"""), TimeSpan.Zero);
        using var engine = workspace.OpenEngine();
        var first = (await engine.CheckAsync()).Rules.Single();

        server.Answer = (200, Orders("""{"id": 1, "paid": true}, {"id": 2, "paid": true}"""), TimeSpan.Zero);
        var second = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal((RuleOutcome.Failed, 3, 2), (first.Outcome, first.RecordsChecked, first.IssuesOpened));
        Assert.Equal((RuleOutcome.Passed, 2), (second.Outcome, second.IssuesResolved));
        Assert.Equal("Bearer s3cret-token", server.LastRequestHeaders["Authorization"]);
        var issues = engine.Issues.Find(new IssueQuery());
        Assert.Equal(ModelPassPlan.GoneResolution, issues.Single(issue => issue.Record!.Key == "3").Resolution);
        Assert.All(issues, issue => Assert.Equal($"{server.BaseAddress}records", issue.Record!.Source));
        Assert.DoesNotContain("s3cret", engine.Rules.ModelAssertions.Single().SourceDescription);
    }

    [Fact]
    public async Task A_server_error_is_an_error_of_the_rule_that_changes_no_issue()
    {
        var engine = await EngineWithOpenIssues();
        var before = IssueKeys.Snapshot(engine);

        server.Answer = (500, """{"error": "database down"}""", TimeSpan.Zero);
        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains("answered 500 Internal Server Error", report.Error);
        Assert.StartsWith("the source could not be read, no issue was changed: http://127.0.0.1:", report.Error);
        Assert.DoesNotContain("Exception", report.Error);
        Assert.Equal(before, IssueKeys.Snapshot(engine));
    }

    [Theory]
    [InlineData("""{"data": {"items": [{"id": 1, "paid": true}, {"id": 2, """, "not the expected JSON")]
    [InlineData("""{"data": {"items": [{"id": 1, "paid": tru}]}}""", "not the expected JSON")]
    [InlineData("""{"data": {"records": []}}""", "'data' has no property 'items'")]
    [InlineData("""{"data": {"items": {"id": 1}}}""", "'data.items' is an object, not an array")]
    [InlineData("<html>Service Unavailable</html>", "not the expected JSON")]
    public async Task Malformed_or_cut_off_json_is_an_error_that_changes_no_issue(string body, string expected)
    {
        var engine = await EngineWithOpenIssues();
        var before = IssueKeys.Snapshot(engine);

        server.Answer = (200, body, TimeSpan.Zero);
        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains(expected, report.Error);
        Assert.Equal(before, IssueKeys.Snapshot(engine));
    }

    [Fact]
    public async Task An_unreachable_server_is_an_error_that_changes_no_issue()
    {
        var engine = await EngineWithOpenIssues();
        var before = IssueKeys.Snapshot(engine);

        await server.DisposeAsync();
        server = await TestHttpServer.StartAsync();
        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains("Cannot reach http:", report.Error);
        Assert.Equal(before, IssueKeys.Snapshot(engine));
    }

    [Fact]
    public async Task An_answer_slower_than_the_timeout_is_an_error_that_changes_no_issue()
    {
        var engine = await EngineWithOpenIssues(timeout: "1s");
        var before = IssueKeys.Snapshot(engine);

        server.Answer = (200, Orders("""{"id": 1, "paid": true}"""), TimeSpan.FromSeconds(20));
        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains("within its timeout of 1 s", report.Error);
        Assert.Equal(before, IssueKeys.Snapshot(engine));
    }

    [Fact]
    public async Task An_object_answer_without_a_path_is_an_error_saying_to_give_one()
    {
        WriteRule(path: null);
        server.Answer = (200, Orders("""{"id": 1, "paid": true}"""), TimeSpan.Zero);
        using var engine = workspace.OpenEngine();

        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains("the JSON is an object, not an array; give the 'path'", report.Error);
    }

    [Fact]
    public async Task Null_and_repeated_keys_are_reported_and_those_records_not_acted_on()
    {
        WriteRule(path: null, fields: "{ id: long?, paid: bool }");
        const string records = """[{"id": 1, "paid": false}, {"id": 1, "paid": false}, {"id": null, "paid": false}, {"id": 3, "paid": false}]""";
        server.Answer = (200, records, TimeSpan.Zero);
        using var engine = workspace.OpenEngine();

        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains("1 record has a null key", report.Error);
        Assert.Contains("'1'", report.Error);
        Assert.Equal(["3"], IssueKeys.Of(engine, IssueStatus.Open));
    }

    [Fact]
    public void A_misspelled_field_is_a_load_error_at_its_yaml_line_and_an_unset_header_variable_one_at_the_source()
    {
        Environment.SetEnvironmentVariable(variable, null);
        WriteRule(path: "data.items", check: "record.payd");
        using var engine = workspace.OpenEngine();

        var error = Assert.Single(engine.Rules.Errors);
        Assert.Equal(5, error.Location.Line);
        Assert.Contains($"the environment variable {variable}", error.Message);

        Environment.SetEnvironmentVariable(variable, "Bearer s3cret-token");
        workspace.WriteRules("orders.yaml", File.ReadAllText(Path.Combine(workspace.RulesDirectory, "orders.yaml")) + " ");
        engine.LoadRules();

        error = Assert.Single(engine.Rules.Errors);
        Assert.Equal(12, error.Location.Line);
        Assert.Contains("payd", error.Message);
    }

    private async Task<Engine> EngineWithOpenIssues(string? timeout = null)
    {
        WriteRule(path: "data.items", timeout: timeout);
        server.Answer = (200, Orders("""{"id": 1, "paid": false}, {"id": 2, "paid": false}"""), TimeSpan.Zero);
        var engine = workspace.OpenEngine();
        Assert.Equal(2, (await engine.CheckAsync()).Rules.Single().IssuesOpened);
        server.Answer = (200, Orders("""{"id": 1, "paid": true}, {"id": 2, "paid": true}"""), TimeSpan.Zero);
        return engine;
    }

    private static string Orders(string items) => $$"""{"data": {"items": [{{items}}], "next": null}, "count": 3}""";

    /// <summary>The source's mapping is on line 5, the check on line 12.</summary>
    private void WriteRule(string? path, string check = "record.paid", string fields = "{ id: long, paid: bool }",
        string? timeout = null) =>
        workspace.WriteRules("orders.yaml", $$"""
            model_assertions:
              - name: order unpaid
                key: id
                source:
                  http: {{server.Records}}
                  {{(path is null ? "# the answer is the array" : $"path: {path}")}}
                  headers:
                    Authorization: { env: {{variable}} }
                    X-Client: rules-engine
                  {{(timeout is null ? "# no timeout" : $"timeout: {timeout}")}}
                fields: {{fields}}
                check: {{check}}
            """);
}
