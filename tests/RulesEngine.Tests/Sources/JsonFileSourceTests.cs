using RulesEngine.Checking;
using RulesEngine.Issues;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Sources;

/// <summary>The json source over real files, as an array of objects and as JSON lines.</summary>
public sealed class JsonFileSourceTests : IDisposable
{
    private const string Paid = """{"id": 1, "paid": true, "total": 10.5, "placed": "2026-02-01T12:00:00+02:00"}""";
    private const string Unpaid = """{"id": 2, "paid": false, "total": 20, "placed": "2026-02-02T10:00:00"}""";
    private const string AlsoUnpaid = """{"id": 3, "paid": false, "total": 30, "placed": "2026-02-03T10:00:00Z"}""";

    private readonly Workspace workspace = new();
    private readonly string file;

    public JsonFileSourceTests()
    {
        file = Path.Combine(workspace.Root, "orders.json");
        WriteRule();
    }

    public void Dispose() => workspace.Dispose();

    [Theory]
    [InlineData(Layout.Array)]
    [InlineData(Layout.Lines)]
    public async Task Issues_open_per_failing_record_stay_over_an_unchanged_file_and_resolve(Layout layout)
    {
        WriteRecords(layout, Paid, Unpaid, AlsoUnpaid);
        using var engine = workspace.OpenEngine();
        Assert.Empty(engine.Rules.Errors);

        var first = (await engine.CheckAsync()).Rules.Single();
        var afterFirst = IssueKeys.Snapshot(engine);
        workspace.Clock.Advance(TimeSpan.FromHours(1));
        var second = (await engine.CheckAsync()).Rules.Single();
        var afterSecond = IssueKeys.Snapshot(engine);
        WriteRecords(layout, Paid, Unpaid.Replace("false", "true"));
        var third = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal((RuleOutcome.Failed, 3, 2), (first.Outcome, first.RecordsChecked, first.IssuesOpened));
        Assert.Equal((RuleOutcome.Failed, 0, 0), (second.Outcome, second.IssuesOpened, second.IssuesResolved));
        Assert.Equal(afterFirst, afterSecond);
        Assert.Equal((RuleOutcome.Passed, 2, 2), (third.Outcome, third.RecordsChecked, third.IssuesResolved));
        var issues = engine.Issues.Find(new IssueQuery()).OrderBy(issue => issue.Record!.Key).ToList();
        Assert.Equal([("2", ModelPassPlan.PassedResolution), ("3", ModelPassPlan.GoneResolution)],
            issues.Select(issue => (issue.Record!.Key, issue.Resolution)));
        Assert.All(issues, issue => Assert.Equal($"json:{file}", issue.Record!.Source));
        Assert.Equal(("2026-02-02T10:00:00.0000000Z", 20m), (issues[0].Details!["placed"]!.GetValue<string>(),
            issues[0].Details!["total"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task A_date_with_an_offset_is_read_as_its_utc_instant()
    {
        WriteRecords(Layout.Array, Paid.Replace("true", "false"));
        using var engine = workspace.OpenEngine();

        await engine.CheckAsync();

        var details = engine.Issues.Find(new IssueQuery()).Single().Details!;
        Assert.Equal("2026-02-01T10:00:00.0000000Z", details["placed"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(Layout.Array, "is malformed")]
    [InlineData(Layout.Lines, "is malformed: line 3:")]
    public async Task A_file_cut_off_half_way_is_an_error_that_changes_no_issue(Layout layout, string expected)
    {
        WriteRecords(layout, Paid, Unpaid, AlsoUnpaid);
        using var engine = workspace.OpenEngine();
        await engine.CheckAsync();
        var before = IssueKeys.Snapshot(engine);

        WriteRecords(layout, Paid, Unpaid.Replace("false", "true"), AlsoUnpaid);
        var text = File.ReadAllText(file);
        File.WriteAllText(file, text[..(text.LastIndexOf("\"paid\"", StringComparison.Ordinal) + 4)]);
        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains($"The JSON file '{file}' {expected}", report.Error);
        Assert.Equal(before, IssueKeys.Snapshot(engine));
        Assert.Equal(["2", "3"], IssueKeys.Of(engine, IssueStatus.Open));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n  \n")]
    [InlineData("\uFEFF")]
    public async Task An_empty_file_is_an_error_that_resolves_nothing_and_an_empty_array_resolves_every_issue(string empty)
    {
        WriteRecords(Layout.Lines, Paid, Unpaid, AlsoUnpaid);
        using var engine = workspace.OpenEngine();
        await engine.CheckAsync();
        var before = IssueKeys.Snapshot(engine);

        File.WriteAllText(file, empty);
        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains($"The JSON file '{file}' is empty; a source with no records is written as [].", report.Error);
        Assert.Equal(before, IssueKeys.Snapshot(engine));

        File.WriteAllText(file, "[]");
        report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Passed, report.Outcome);
        Assert.Equal(2, report.IssuesResolved);
        Assert.Empty(IssueKeys.Of(engine, IssueStatus.Open));
    }

    [Theory]
    [InlineData("""{"id": 2, "paid": "yes", "total": 20, "placed": "2026-02-02"}""", "Field 'paid' holds \"yes\", which is not a Boolean")]
    [InlineData("""{"id": 2, "total": 20, "placed": "2026-02-02"}""", "Field 'paid' is null or missing, but its type Boolean does not allow null")]
    [InlineData("""{"id": 2, "paid": true, "total": "20", "placed": "2026-02-02"}""", "Field 'total' holds \"20\", which is not a Decimal")]
    [InlineData("""{"id": 2, "paid": true, "total": 20, "placed": "next tuesday"}""", "Field 'placed' holds \"next tuesday\", which is not a DateTime")]
    [InlineData("""{"id": 2.5, "paid": true, "total": 20, "placed": "2026-02-02"}""", "Field 'id' holds 2.5, which is not an Int64")]
    public async Task A_field_of_the_wrong_type_is_an_error_naming_the_field_that_changes_no_issue(string record, string expected)
    {
        WriteRecords(Layout.Lines, Paid, Unpaid, AlsoUnpaid);
        using var engine = workspace.OpenEngine();
        await engine.CheckAsync();
        var before = IssueKeys.Snapshot(engine);

        WriteRecords(Layout.Lines, Paid, record, AlsoUnpaid.Replace("false", "true"));
        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains(expected, report.Error);
        Assert.Equal(before, IssueKeys.Snapshot(engine));
    }

    [Fact]
    public async Task A_missing_file_is_an_error_that_changes_no_issue()
    {
        WriteRecords(Layout.Array, Paid, Unpaid, AlsoUnpaid);
        using var engine = workspace.OpenEngine();
        await engine.CheckAsync();
        var before = IssueKeys.Snapshot(engine);

        File.Delete(file);
        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains($"Cannot read the JSON file '{file}'", report.Error);
        Assert.Equal(before, IssueKeys.Snapshot(engine));
        Assert.Equal(2, before.Count);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void A_rule_without_fields_is_a_load_error_asking_for_them()
    {
        WriteRule(fields: null);
        using var engine = workspace.OpenEngine();

        var error = Assert.Single(engine.Rules.Errors);

        Assert.Equal(("order unpaid", 2), (error.Rule, error.Location.Line));
        Assert.Contains("a model assertion with a json source needs 'fields'", error.Message);
    }

    public enum Layout
    {
        Array,
        Lines,
    }

    private void WriteRecords(Layout layout, params string[] records) =>
        File.WriteAllText(file, layout == Layout.Array
            ? "[\n  " + string.Join(",\n  ", records) + "\n]\n"
            : string.Join("\n", records) + "\n");

    /// <summary>The file is given relative to the rule file, in the rules directory's parent.</summary>
    private void WriteRule(string? fields = "{ id: long, paid: bool, total: decimal, placed: DateTime }") =>
        workspace.WriteRules("orders.yaml", $$"""
            model_assertions:
              - name: order unpaid
                source: { json: ../orders.json }
                key: id
                {{(fields is null ? "# no fields" : $"fields: {fields}")}}
                check: |
                  return (record.paid, new { placed = record.placed.ToString("O"), record.total });
            """);
}
