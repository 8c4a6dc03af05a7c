using System.Security.Cryptography;
using LiteDB;
using RulesEngine.Checking;
using RulesEngine.Issues;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Sources;

/// <summary>The litedb source over a real LiteDB file, as another application would keep it.</summary>
public sealed class LiteDbSourceTests : IDisposable
{
    private readonly Workspace workspace = new();
    private readonly string file;

    public LiteDbSourceTests()
    {
        file = Path.Combine(workspace.Root, "app.db");
        using var database = new LiteDatabase(new ConnectionString { Filename = file, Connection = ConnectionType.Shared });
        var orders = database.GetCollection("orders");
        orders.Insert(Order(1, paid: true));
        orders.Insert(Order(2, paid: false));
        orders.Insert(Order(3, paid: false));
    }

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task Documents_open_and_resolve_issues_and_the_file_is_neither_changed_nor_kept_locked()
    {
        WriteRule("orders", fields: "{ order_no: long, paid: bool, customer: string, placed: DateTime }",
            check: "(record.paid, new { record.customer, placed = record.placed.ToString(\"yyyy-MM-ddTHH:mm:ssZ\") })");
        using var engine = workspace.OpenEngine();
        var hash = Hash();

        var first = (await engine.CheckAsync()).Rules.Single();
        var unchanged = Hash() == hash;
        using (var app = new LiteDatabase(new ConnectionString { Filename = file, Connection = ConnectionType.Direct }))
        {
            app.GetCollection("orders").Update(Order(2, paid: true));
        }

        var second = (await engine.CheckAsync()).Rules.Single();

        Assert.True(unchanged);
        Assert.Equal((RuleOutcome.Failed, 3, 2), (first.Outcome, first.RecordsChecked, first.IssuesOpened));
        Assert.Equal(1, second.IssuesResolved);
        Assert.Equal(["3"], IssueKeys.Of(engine, IssueStatus.Open));
        Assert.All(engine.Issues.Find(new IssueQuery()), issue => Assert.Equal($"litedb:{file}#orders", issue.Record!.Source));
        var details = engine.Issues.Find(new IssueQuery { Status = IssueStatus.Open }).Single().Details!;
        Assert.Equal(("customer 3", "2026-02-03T00:00:00Z"),
            (details["customer"]!.GetValue<string>(), details["placed"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_file_another_application_has_open_in_shared_mode_is_read()
    {
        WriteRule("orders");
        using var engine = workspace.OpenEngine();
        using var app = new LiteDatabase(new ConnectionString { Filename = file, Connection = ConnectionType.Shared });
        app.GetCollection("orders").Insert(Order(4, paid: false));

        var report = (await engine.CheckAsync()).Rules.Single();
        app.GetCollection("orders").Insert(Order(5, paid: false));

        Assert.Equal((RuleOutcome.Failed, 4), (report.Outcome, report.RecordsChecked));
        Assert.Equal(5, app.GetCollection("orders").Count());
    }

    [Fact]
    public async Task A_missing_collection_is_an_error_that_changes_no_issue_rather_than_an_empty_source()
    {
        WriteRule("orders");
        using var engine = workspace.OpenEngine();
        await engine.CheckAsync();
        var before = IssueKeys.Snapshot(engine);

        WriteRule("order");
        engine.LoadRules();
        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains("has no collection 'order'; it has: orders", report.Error);
        Assert.Equal(before, IssueKeys.Snapshot(engine));
    }

    [Fact]
    public async Task A_missing_file_is_an_error_and_is_not_created()
    {
        WriteRule("orders", path: "missing.db");
        using var engine = workspace.OpenEngine();

        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains("There is no LiteDB file", report.Error);
        Assert.False(File.Exists(Path.Combine(workspace.RulesDirectory, "missing.db")));
    }

    [Fact]
    public async Task An_empty_file_is_an_error_naming_it_and_is_left_empty()
    {
        var empty = Path.Combine(workspace.Root, "empty.db");
        File.WriteAllBytes(empty, []);
        WriteRule("orders", path: empty);
        using var engine = workspace.OpenEngine();

        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains($"litedb:{empty}#orders: the file is empty, not a LiteDB file.", report.Error);
        Assert.Equal(0, new FileInfo(empty).Length);
    }

    [Fact]
    public async Task Null_and_repeated_keys_are_reported_and_those_records_not_acted_on()
    {
        using (var app = new LiteDatabase(new ConnectionString { Filename = file, Connection = ConnectionType.Shared }))
        {
            var orders = app.GetCollection("orders");
            orders.Insert(new BsonDocument { ["_id"] = 10, ["order_no"] = 2, ["paid"] = false });
            orders.Insert(new BsonDocument { ["_id"] = 11, ["order_no"] = BsonValue.Null, ["paid"] = false });
        }

        WriteRule("orders", key: "order_no", fields: "{ order_no: long?, paid: bool }");
        using var engine = workspace.OpenEngine();

        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains("1 record has a null key", report.Error);
        Assert.Contains("'2'", report.Error);
        Assert.Equal(["3"], IssueKeys.Of(engine, IssueStatus.Open));
    }

    [Fact]
    public void A_misspelled_field_is_a_load_error_at_its_yaml_line()
    {
        WriteRule("orders", check: "record.payd");
        using var engine = workspace.OpenEngine();

        var error = Assert.Single(engine.Rules.Errors);
        Assert.Equal(8, error.Location.Line);
        Assert.Contains("payd", error.Message);
    }

    private static BsonDocument Order(int number, bool paid) => new()
    {
        ["_id"] = number,
        ["order_no"] = number,
        ["paid"] = paid,
        ["customer"] = $"customer {number}",
        ["placed"] = new DateTime(2026, 2, number, 0, 0, 0, DateTimeKind.Utc),
    };

    private string Hash() => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));

    /// <summary>The check is on line 8.</summary>
    private void WriteRule(string collection, string? path = null, string key = "order_no",
        string fields = "{ order_no: long, paid: bool, placed: DateTime }", string check = "record.paid") =>
        workspace.WriteRules("orders.yaml", $$"""
            model_assertions:
              - name: order unpaid
                source: { litedb: "{{path ?? file}}", collection: {{collection}} }
                key: {{key}}
                fields: {{fields}}
                # a comment so the check is on line 8
                check: |
                  {{check}}
            """);
}
