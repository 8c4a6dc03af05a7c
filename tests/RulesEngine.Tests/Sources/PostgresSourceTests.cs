using RulesEngine.Checking;
using RulesEngine.Issues;
using RulesEngine.RuleFiles;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Sources;

/// <summary>The postgres source against a real server (RULES_ENGINE_TEST_POSTGRES; see .ci/postgres-start).</summary>
public sealed class PostgresSourceTests : IDisposable
{
    private readonly Workspace workspace = new();
    private readonly string table = TestPostgres.NewTableName();
    private readonly string variable = "RULES_ENGINE_TEST_PG_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    public PostgresSourceTests()
    {
        TestPostgres.Execute($"""
            CREATE TABLE {table} (id bigint PRIMARY KEY, email text NOT NULL, total numeric, paid boolean NOT NULL,
                                  placed timestamptz NOT NULL);
            INSERT INTO {table} VALUES
                (1, 'a@example.com', 10.5, true, '2026-02-01T10:00:00Z'),
                (2, 'b@example.com', 20, false, '2026-02-02T10:00:00Z'),
                (3, 'c@example.com', NULL, false, '2026-02-27T10:00:00Z');
            """);
        Environment.SetEnvironmentVariable(variable, TestPostgres.ConnectionString);
    }

    public void Dispose()
    {
        workspace.Dispose();
        Environment.SetEnvironmentVariable(variable, null);
        TestPostgres.Execute($"DROP TABLE IF EXISTS {table}");
    }

    [Fact]
    public async Task Records_are_typed_from_the_query_columns_and_issues_open_stay_and_resolve()
    {
        WriteRule($"SELECT id, email, total, paid, placed FROM {table}", """
            record.paid || Now - record.placed < TimeSpan.FromDays(7) || record.total is null
            """);
        using var engine = workspace.OpenEngine();
        Assert.Empty(engine.Rules.Errors);

        var first = (await engine.CheckAsync()).Rules.Single();
        TestPostgres.Execute($"UPDATE {table} SET paid = true WHERE id = 2; DELETE FROM {table} WHERE id = 3;" +
            $"INSERT INTO {table} VALUES (4, 'd@example.com', 5, false, '2026-01-01T00:00:00Z')");
        var second = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal((RuleOutcome.Failed, 3, 1), (first.Outcome, first.RecordsChecked, first.IssuesOpened));
        Assert.Equal((1, 1), (second.IssuesOpened, second.IssuesResolved));
        Assert.Equal(["4"], IssueKeys.Of(engine, IssueStatus.Open));
        Assert.Equal(["2"], IssueKeys.Of(engine, IssueStatus.Resolved));
    }

    [Fact]
    public async Task A_record_that_is_gone_resolves_its_issue_and_the_source_is_described_without_secrets()
    {
        Environment.SetEnvironmentVariable(variable, TestPostgres.ConnectionString + ";Password=hunter2-secret");
        WriteRule($"SELECT id, paid FROM {table}", "record.paid");
        using var engine = workspace.OpenEngine();
        await engine.CheckAsync();

        TestPostgres.Execute($"DELETE FROM {table} WHERE id = 3");
        await engine.CheckAsync();

        var issues = engine.Issues.Find(new IssueQuery());
        Assert.Equal(ModelPassPlan.GoneResolution, issues.Single(issue => issue.Record!.Key == "3").Resolution);
        Assert.All(issues, issue => Assert.StartsWith("postgres:Host=", issue.Record!.Source));
        Assert.All(issues, issue => Assert.DoesNotContain("hunter2", issue.Record!.Source));
    }

    [Fact]
    public void A_password_written_in_the_rule_appears_in_no_description()
    {
        var source = new PostgresSourceDefinition(new SourceLocation("r.yaml", 1, 1),
            SourceSetting.FromText("Host=db.internal;Database=shop;Username=checker;Password=hunter2-secret"), "SELECT 1");

        Assert.Equal("postgres:Host=db.internal;Database=shop;Username=checker", source.Describe());
        Assert.Equal(source.Describe(), source.ToString());
    }

    [Fact]
    public void A_misspelled_field_is_a_load_error_at_its_yaml_line()
    {
        WriteRule($"SELECT id, paid FROM {table}", "record.payd");
        using var engine = workspace.OpenEngine();

        var error = Assert.Single(engine.Rules.Errors);
        Assert.Equal(9, error.Location.Line);
        Assert.Contains("payd", error.Message);
    }

    [Fact]
    public void A_type_mismatch_in_the_check_is_a_load_error_at_its_yaml_line()
    {
        WriteRule($"SELECT id, placed FROM {table}", "record.placed > 5");
        using var engine = workspace.OpenEngine();

        var error = Assert.Single(engine.Rules.Errors);
        Assert.Equal(9, error.Location.Line);
        Assert.Contains("CS0019", error.Message);
    }

    [Fact]
    public void Bad_sql_is_a_load_error_at_the_source_when_the_types_come_from_the_query()
    {
        WriteRule($"SELECT id, paid FROM {table} WHERE", "record.paid");
        using var engine = workspace.OpenEngine();

        var error = Assert.Single(engine.Rules.Errors);
        Assert.Equal(6, error.Location.Line);
        Assert.Contains("syntax error", error.Message);
    }

    [Fact]
    public async Task Bad_sql_with_declared_fields_is_an_error_of_the_pass_that_changes_no_issue()
    {
        WriteRule($"SELECT id, paid FROM {table}", "record.paid", fields: "{ id: long, paid: bool }");
        using var engine = workspace.OpenEngine();
        await engine.CheckAsync();
        var before = IssueKeys.Snapshot(engine);

        WriteRule($"SELECT id, paid FROM {table}_missing", "record.paid", fields: "{ id: long, paid: bool }");
        engine.LoadRules();
        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains("does not exist", report.Error);
        Assert.Equal(before, IssueKeys.Snapshot(engine));
    }

    [Fact]
    public async Task An_unreachable_server_is_an_error_that_changes_no_issue_and_shows_no_password()
    {
        WriteRule($"SELECT id, paid FROM {table}", "record.paid", fields: "{ id: long, paid: bool }");
        using var engine = workspace.OpenEngine();
        await engine.CheckAsync();
        var before = IssueKeys.Snapshot(engine);

        Environment.SetEnvironmentVariable(variable,
            "Host=127.0.0.1;Port=1;Database=shop;Username=checker;Password=hunter2-secret;Timeout=3");
        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains("Cannot read postgres:Host=127.0.0.1;", report.Error);
        Assert.Contains("Failed to connect to 127.0.0.1:1", report.Error);
        Assert.DoesNotContain("hunter2", report.Error);
        Assert.Equal(before, IssueKeys.Snapshot(engine));
    }

    [Fact]
    public async Task A_declared_field_the_query_does_not_return_is_an_error_naming_it()
    {
        WriteRule($"SELECT id, paid FROM {table}", "record.payd", fields: "{ id: long, payd: bool }");
        using var engine = workspace.OpenEngine();

        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains("no column 'payd'", report.Error);
        Assert.Empty(engine.Issues.Find(new IssueQuery()));
    }

    [Fact]
    public async Task A_declared_field_of_another_type_than_its_column_is_an_error_naming_both()
    {
        WriteRule($"SELECT id, email FROM {table}", "record.email > 0", fields: "{ id: long, email: int }");
        using var engine = workspace.OpenEngine();

        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains("'email' is a column of type text", report.Error);
    }

    [Fact]
    public async Task Null_and_repeated_keys_are_reported_and_those_records_not_acted_on()
    {
        WriteRule($"SELECT id, paid FROM {table} UNION ALL SELECT 2, false UNION ALL SELECT NULL, false", "record.paid");
        using var engine = workspace.OpenEngine();

        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains("1 record has a null key", report.Error);
        Assert.Contains("'2'", report.Error);
        Assert.Equal(["3"], IssueKeys.Of(engine, IssueStatus.Open));
    }

    [Fact]
    public async Task A_query_that_writes_is_refused_and_changes_no_row()
    {
        WriteRule($"DELETE FROM {table} RETURNING id, paid", "record.paid", fields: "{ id: long, paid: bool }");
        using var engine = workspace.OpenEngine();

        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains("read-only transaction", report.Error);
        Assert.Equal(3, TestPostgres.Count(table));
    }

    [Fact]
    public void An_unset_connection_variable_is_a_load_error_at_the_source()
    {
        Environment.SetEnvironmentVariable(variable, null);
        WriteRule($"SELECT id, paid FROM {table}", "record.paid", fields: "{ id: long, paid: bool }");
        using var engine = workspace.OpenEngine();

        var error = Assert.Single(engine.Rules.Errors);
        Assert.Equal(6, error.Location.Line);
        Assert.Contains($"the environment variable {variable}", error.Message);
    }

    /// <summary>The check is on line 9 and the source's mapping on line 6 of the rule file.</summary>
    private void WriteRule(string query, string check, string? fields = null) =>
        workspace.WriteRules("orders.yaml", $"""
            model_assertions:
              - name: order unpaid
                key: id
                {(fields is null ? "# types from the query" : $"fields: {fields}")}
                source:
                  postgres: {"{"} env: {variable} {"}"}
                  query: "{query}"
                check: |
                  {check}
            """);
}
