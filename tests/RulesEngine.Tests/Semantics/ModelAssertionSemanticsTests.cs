using RulesEngine.Checking;
using RulesEngine.Issues;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Semantics;

/// <summary>Behaviours 11 to 13 of docs/semantics.md: model assertions.</summary>
public sealed class ModelAssertionSemanticsTests : IDisposable
{
    private readonly Workspace workspace = new();
    private readonly string records;

    public ModelAssertionSemanticsTests()
    {
        records = Path.Combine(workspace.Root, "orders.json");
        workspace.WriteRules("orders.yaml", $$"""
            model_assertions:
              - name: order unpaid
                source: { json: "{{records}}" }
                key: id
                fields: { id: long, paid: bool, total: double }
                check: return (record.paid || record.total == 0, new { record.total });
            """);
    }

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task S11_every_record_is_checked_and_each_failing_record_gets_its_own_issue()
    {
        WriteOrders((1, true, 10), (2, false, 20), (3, true, 30), (4, false, 40), (5, true, 0));
        using var engine = workspace.OpenEngine();

        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(5, report.RecordsChecked);
        Assert.Equal(2, report.RecordsFailed);
        var issues = engine.Issues.Find(new IssueQuery { Status = IssueStatus.Open }).OrderBy(issue => issue.Record!.Key).ToList();
        Assert.Equal(["2", "4"], issues.Select(issue => issue.Record!.Key));
        Assert.All(issues, issue => Assert.Equal("order unpaid", issue.Name));
        Assert.Equal(40d, issues[1].Details!["total"]!.GetValue<double>());
    }

    [Fact]
    public async Task S11_a_record_that_passes_resolves_only_its_own_issue()
    {
        WriteOrders((1, false, 10), (2, false, 20));
        using var engine = workspace.OpenEngine();
        await engine.CheckAsync();

        WriteOrders((1, true, 10), (2, false, 20));
        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(1, report.IssuesResolved);
        var open = Assert.Single(engine.Issues.Find(new IssueQuery { Status = IssueStatus.Open }));
        Assert.Equal("2", open.Record!.Key);
        var resolved = Assert.Single(engine.Issues.Find(new IssueQuery { Status = IssueStatus.Resolved }));
        Assert.Equal("1", resolved.Record!.Key);
    }

    [Fact]
    public async Task S12_the_pass_reports_whether_the_assertion_held_for_all_records()
    {
        WriteOrders((1, true, 10), (2, false, 20));
        using var engine = workspace.OpenEngine();
        var failing = (await engine.CheckAsync()).Rules.Single();

        WriteOrders((1, true, 10), (2, true, 20));
        var holding = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Failed, failing.Outcome);
        Assert.Equal(RuleOutcome.Passed, holding.Outcome);
    }

    [Fact]
    public async Task S13_an_open_issue_whose_record_is_gone_from_the_source_is_resolved_saying_so()
    {
        WriteOrders((1, false, 10), (2, false, 20));
        using var engine = workspace.OpenEngine();
        await engine.CheckAsync();

        WriteOrders((1, false, 10));
        await engine.CheckAsync();

        var gone = Assert.Single(engine.Issues.Find(new IssueQuery { Status = IssueStatus.Resolved }));
        Assert.Equal("2", gone.Record!.Key);
        Assert.Equal(ModelPassPlan.GoneResolution, gone.Resolution);
        Assert.Equal("1", Assert.Single(engine.Issues.Find(new IssueQuery { Status = IssueStatus.Open })).Record!.Key);
    }

    [Fact]
    public async Task A_source_that_cannot_be_read_is_an_error_and_resolves_nothing()
    {
        WriteOrders((1, false, 10), (2, false, 20));
        using var engine = workspace.OpenEngine();
        await engine.CheckAsync();

        File.WriteAllText(records, "[{\"id\": 1, \"paid\": true, \"total\": 10}, {\"id\": 2, ");
        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains("malformed", report.Error);
        Assert.Equal(2, engine.Issues.Count(IssueStatus.Open));
    }

    [Fact]
    public async Task Records_with_a_repeated_or_null_key_are_reported_and_not_acted_on()
    {
        File.WriteAllText(records, """
            [{"id": 1, "paid": false, "total": 1}, {"id": 1, "paid": true, "total": 1},
             {"id": null, "paid": false, "total": 1}, {"id": 3, "paid": false, "total": 1}]
            """);
        workspace.WriteRules("orders.yaml", $$"""
            model_assertions:
              - name: order unpaid
                source: { json: "{{records}}" }
                key: id
                fields: { id: long?, paid: bool, total: double }
                check: record.paid
            """);
        using var engine = workspace.OpenEngine();

        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains("null key", report.Error);
        Assert.Contains("'1'", report.Error);
        Assert.Equal("3", Assert.Single(engine.Issues.Find(new IssueQuery())).Record!.Key);
    }

    [Fact]
    public async Task A_record_whose_check_throws_keeps_its_issue_while_the_others_are_judged()
    {
        workspace.WriteRules("orders.yaml", $$"""
            model_assertions:
              - name: order unpaid
                source: { json: "{{records}}" }
                key: id
                fields: { id: long, paid: bool, total: double }
                check: |
                  record.total < 0 ? throw new ArgumentException("negative total") : record.paid
            """);
        WriteOrders((1, false, 10), (2, false, 20));
        using var engine = workspace.OpenEngine();
        await engine.CheckAsync();

        WriteOrders((1, true, -1), (2, true, 20));
        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains("negative total", report.Error);
        Assert.Equal("1", Assert.Single(engine.Issues.Find(new IssueQuery { Status = IssueStatus.Open })).Record!.Key);
        Assert.Equal("2", Assert.Single(engine.Issues.Find(new IssueQuery { Status = IssueStatus.Resolved })).Record!.Key);
    }

    private void WriteOrders(params (long Id, bool Paid, double Total)[] orders) =>
        File.WriteAllText(records, "[" + string.Join(",", orders.Select(order =>
            $"{{\"id\": {order.Id}, \"paid\": {(order.Paid ? "true" : "false")}, \"total\": {order.Total.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}")) + "]");
}
