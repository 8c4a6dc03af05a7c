using RulesEngine.Checking;
using RulesEngine.Issues;
using RulesEngine.Tests.Issues;
using RulesEngine.Tests.Sources;
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
    public async Task A_pass_that_only_resolves_is_logged_as_ModelPassCompleted_not_as_IssueOpened()
    {
        var logs = new RecordingLoggerFactory();
        WriteOrders((1, false, 10), (2, false, 20));
        using var engine = workspace.OpenEngine(workspace.Options with { LoggerFactory = logs });
        await engine.CheckAsync();

        WriteOrders((1, true, 10), (2, true, 20));
        await engine.CheckAsync();

        var passes = logs.Entries.Where(entry => entry.EventId == EngineEvents.ModelPassCompleted).ToList();
        Assert.Equal(["Model assertion 'order unpaid' changed issues: opened 2, resolved 0, updated 0",
            "Model assertion 'order unpaid' changed issues: opened 0, resolved 2, updated 0"], passes.Select(entry => entry.Message));
        Assert.DoesNotContain(logs.Entries, entry => entry.EventId == EngineEvents.IssueOpened);
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
    public async Task A_pass_that_skipped_a_record_for_its_null_key_resolves_no_issue_as_gone()
    {
        UseNullableKeys();
        File.WriteAllText(records, """[{"id": 1, "paid": false}, {"id": 2, "paid": false}, {"id": 3, "paid": false}]""");
        using var engine = workspace.OpenEngine();
        await engine.CheckAsync();

        // The key's property was renamed: every record now reads with a null key, except 3, which has passed.
        File.WriteAllText(records, """[{"order_id": 1, "paid": false}, {"order_id": 2, "paid": false}, {"id": 3, "paid": true}]""");
        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Equal((0, 1), (report.IssuesOpened, report.IssuesResolved));
        Assert.Contains("2 records have a null key and were skipped", report.Error);
        Assert.Contains("2 open issues whose record was not seen were left open, as a record skipped for its key may be theirs", report.Error);
        Assert.Equal(["1", "2"], IssueKeys.Of(engine, IssueStatus.Open));
        var passed = Assert.Single(engine.Issues.Find(new IssueQuery { Status = IssueStatus.Resolved }));
        Assert.Equal(("3", ModelPassPlan.PassedResolution), (passed.Record!.Key, passed.Resolution));
    }

    [Fact]
    public async Task A_pass_whose_key_could_not_be_read_for_a_record_resolves_no_issue_as_gone()
    {
        // Reading a Lazy's Value runs its factory: the key itself throws for a blank line.
        workspace.WriteRules("orders.yaml", $$"""
            model_assertions:
              - name: order unpaid
                source:
                  csharp: |
                    File.ReadAllLines(@"{{records}}").Select(line => new Lazy<string>(
                        () => line.Length > 0 ? line : throw new InvalidOperationException("blank line")))
                key: Value
                check: '!record.Value.EndsWith("unpaid")'
            """);
        File.WriteAllLines(records, ["1 unpaid", "2 unpaid"]);
        using var engine = workspace.OpenEngine();
        await engine.CheckAsync();

        File.WriteAllLines(records, [""]);
        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains("blank line", report.Error);
        Assert.Equal(["1 unpaid", "2 unpaid"], IssueKeys.Of(engine, IssueStatus.Open));
    }

    [Fact]
    public async Task A_record_whose_key_is_too_long_to_store_is_reported_and_skipped_and_the_others_are_judged()
    {
        var longKey = new string('k', 1100);
        workspace.WriteRules("orders.yaml", $$"""
            model_assertions:
              - name: order unpaid
                source: { json: "{{records}}" }
                key: id
                fields: { id: string, paid: bool }
                check: record.paid
            """);
        File.WriteAllText(records, """[{"id": "a", "paid": false}, {"id": "b", "paid": false}]""");
        using var engine = workspace.OpenEngine();
        await engine.CheckAsync();

        File.WriteAllText(records, $$"""[{"id": "{{longKey}}", "paid": false}, {"id": "c", "paid": false}, {"id": "a", "paid": true}]""");
        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Equal((3, 1, 1), (report.RecordsChecked, report.IssuesOpened, report.IssuesResolved));
        Assert.Contains($"1 record has a key longer than 512 bytes of UTF-8, more than the issue store can index, " +
            $"and was skipped; first: '{longKey[..40]}' (cut; 1,100 characters)", report.Error);
        Assert.Contains("1 open issue whose record was not seen was left open", report.Error);
        Assert.Equal(["b", "c"], IssueKeys.Of(engine, IssueStatus.Open));
        Assert.Equal(["a"], IssueKeys.Of(engine, IssueStatus.Resolved));
    }

    [Fact]
    public async Task A_repeated_key_leaves_its_issue_exactly_as_it_was_neither_refreshed_nor_resolved()
    {
        UseNullableKeys();
        File.WriteAllText(records, """[{"id": 1, "paid": false, "note": "first"}, {"id": 2, "paid": false}]""");
        using var engine = workspace.OpenEngine();
        await engine.CheckAsync();
        var before = engine.Issues.UnresolvedIssuesByRecord("order unpaid")["1"];
        workspace.Clock.Advance(TimeSpan.FromMinutes(5));

        File.WriteAllText(records, """
            [{"id": 1, "paid": false, "note": "second"}, {"id": 1, "paid": true}, {"id": 2, "paid": true}]
            """);
        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal((0, 1), (report.IssuesOpened, report.IssuesResolved));
        Assert.Contains("1 key appears on more than one record and was skipped: '1'", report.Error);
        IssueAssert.Same(before, engine.Issues.Get(before.Id));
        Assert.Equal(["1"], IssueKeys.Of(engine, IssueStatus.Open));
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
        Assert.StartsWith("the check threw for 1 record, whose issue was left as it was; first: ", report.Error);
        Assert.Contains("negative total", report.Error);
        Assert.Equal("1", Assert.Single(engine.Issues.Find(new IssueQuery { Status = IssueStatus.Open })).Record!.Key);
        Assert.Equal("2", Assert.Single(engine.Issues.Find(new IssueQuery { Status = IssueStatus.Resolved })).Record!.Key);
    }

    /// <summary>The rule with a key that may be null, a check on <c>paid</c> alone and the note as details.</summary>
    private void UseNullableKeys() => workspace.WriteRules("orders.yaml", $$"""
        model_assertions:
          - name: order unpaid
            source: { json: "{{records}}" }
            key: id
            fields: { id: long?, paid: bool, note: string? }
            check: return (record.paid, new { record.note });
        """);

    private void WriteOrders(params (long Id, bool Paid, double Total)[] orders) =>
        File.WriteAllText(records, "[" + string.Join(",", orders.Select(order =>
            $"{{\"id\": {order.Id}, \"paid\": {(order.Paid ? "true" : "false")}, \"total\": {order.Total.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}")) + "]");
}
