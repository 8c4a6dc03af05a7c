using Microsoft.Data.Sqlite;
using RulesEngine.Checking;
using RulesEngine.Issues;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Sources;

/// <summary>The sqlite source over real SQLite database files, built by each test as an application would.</summary>
public sealed class SqliteSourceTests : IDisposable
{
    // The record's field types as the check sees them; string? and string are one type at run time.
    private const string FieldTypes = """
        string.Join(", ", record.GetType().GetFields().Select(field =>
            field.Name + ": " + (Nullable.GetUnderlyingType(field.FieldType) is { } inner ? inner.Name + "?" : field.FieldType.Name)))
        """;

    private static readonly List<string> OriginalRows = ["1 https://pics.example/ann.png", "2 -", "3 -"];

    private readonly Workspace workspace = new();
    private readonly string database;

    public SqliteSourceTests()
    {
        database = Path.Combine(workspace.Root, "app.db");
        Execute(database, """
            CREATE TABLE profile (id INTEGER NOT NULL PRIMARY KEY, username TEXT NOT NULL, score REAL NOT NULL,
                                  date_joined DATETIME NOT NULL, verified BOOL NOT NULL, age INTEGER, pic_url TEXT);
            INSERT INTO profile VALUES
                (1, 'ann', 1.5, '2026-01-10 08:30:00', 1, 30, 'https://pics.example/ann.png'),
                (2, 'bob', 2.25, '2026-02-27 10:00:00', 0, NULL, NULL),
                (3, 'cyd', 3.0, '2026-01-01 10:00:00', 1, 40, NULL);
            """);
    }

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task Records_are_typed_from_the_query_columns_and_dates_are_read_as_utc()
    {
        WriteRule("SELECT id, username, score, date_joined, verified, age, pic_url FROM profile WHERE id = 1", $$"""
            return (false, new
                {
                    types = {{FieldTypes.ReplaceLineEndings(" ")}},
                    joined = record.date_joined.ToString("O"),
                    record.score,
                    age = record.age ?? -1,
                });
            """);
        using var engine = workspace.OpenEngine();
        Assert.Empty(engine.Rules.Errors);

        await engine.CheckAsync();

        var details = engine.Issues.Find(new IssueQuery()).Single().Details!;
        Assert.Equal(
            "id: Int64, username: String, score: Double, date_joined: DateTime, verified: Boolean, age: Int64?, pic_url: String",
            details["types"]!.GetValue<string>());
        Assert.Equal("2026-01-10T08:30:00.0000000Z", details["joined"]!.GetValue<string>());
        Assert.Equal((1.5, 30), (details["score"]!.GetValue<double>(), details["age"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Issues_open_per_failing_record_stay_unchanged_over_unchanged_rows_and_resolve_when_the_record_passes()
    {
        WriteRule("SELECT id, username, pic_url, date_joined FROM profile",
            "(record.pic_url != null || Now - record.date_joined < TimeSpan.FromDays(5), new { record.username })");
        using var engine = workspace.OpenEngine();

        var first = (await engine.CheckAsync()).Rules.Single();
        var afterFirst = IssueKeys.Snapshot(engine);
        workspace.Clock.Advance(TimeSpan.FromDays(1));
        var second = (await engine.CheckAsync()).Rules.Single();
        var afterSecond = IssueKeys.Snapshot(engine);
        workspace.Clock.Advance(TimeSpan.FromDays(3));
        Execute(database, "UPDATE profile SET pic_url = 'https://pics.example/cyd.png' WHERE id = 3");
        var third = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal((RuleOutcome.Failed, 3, 1), (first.Outcome, first.RecordsChecked, first.IssuesOpened));
        Assert.Equal((RuleOutcome.Failed, 3, 0, 0),
            (second.Outcome, second.RecordsChecked, second.IssuesOpened, second.IssuesResolved));
        Assert.Equal(afterFirst, afterSecond);
        Assert.Equal((RuleOutcome.Failed, 1, 1), (third.Outcome, third.IssuesOpened, third.IssuesResolved));
        Assert.Equal(["2"], IssueKeys.Of(engine, IssueStatus.Open));
        var resolved = engine.Issues.Find(new IssueQuery { Status = IssueStatus.Resolved }).Single();
        Assert.Equal(("3", ModelPassPlan.PassedResolution), (resolved.Record!.Key, resolved.Resolution));
        Assert.Equal("cyd", resolved.Details!["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_record_deleted_from_the_table_resolves_its_issue_saying_it_is_gone()
    {
        WriteRule("SELECT id, pic_url FROM profile", "record.pic_url != null", source: "../app.db");   // beside rules/
        using var engine = workspace.OpenEngine();
        await engine.CheckAsync();

        Execute(database, "DELETE FROM profile WHERE id = 3");
        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal((2, 0, 1), (report.RecordsChecked, report.IssuesOpened, report.IssuesResolved));
        var issues = engine.Issues.Find(new IssueQuery());
        var gone = issues.Single(issue => issue.Record!.Key == "3");
        Assert.Equal((IssueStatus.Resolved, ModelPassPlan.GoneResolution), (gone.Status, gone.Resolution));
        Assert.Equal(["2"], IssueKeys.Of(engine, IssueStatus.Open));
        Assert.All(issues, issue => Assert.Equal($"sqlite:{database}", issue.Record!.Source));
    }

    [Fact]
    public async Task Declared_fields_override_the_column_types()
    {
        WriteRule("SELECT id, date_joined, score, verified FROM profile", $$"""
            (record.date_joined.StartsWith("2026-02"), new { types = {{FieldTypes.ReplaceLineEndings(" ")}}, record.date_joined })
            """, fields: "{ id: string, date_joined: string, score: decimal?, verified: long }");
        using var engine = workspace.OpenEngine();
        Assert.Empty(engine.Rules.Errors);

        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal((RuleOutcome.Failed, 2), (report.Outcome, report.IssuesOpened));
        var details = engine.Issues.Find(new IssueQuery()).Single(issue => issue.Record!.Key == "1").Details!;
        Assert.Equal("id: String, date_joined: String, score: Decimal?, verified: Int64", details["types"]!.GetValue<string>());
        Assert.Equal("2026-01-10 08:30:00", details["date_joined"]!.GetValue<string>());
    }

    [Fact]
    public void Bad_sql_is_a_load_error_at_the_source_naming_the_file_and_rule()
    {
        var file = WriteRule("SELECT id, pic_url FROM profile WHERE", "record.pic_url != null");
        using var engine = workspace.OpenEngine();

        var error = Assert.Single(engine.LoadRules().Errors);

        Assert.Equal((file, 6, "profile pic"), (error.Location.File, error.Location.Line, error.Rule));
        Assert.Contains("incomplete input", error.Message);
        Assert.Contains($"{file}:6:", error.ToString());
        Assert.Empty(engine.Rules.ModelAssertions);
    }

    [Fact]
    public async Task Bad_sql_with_declared_fields_is_an_error_of_the_pass_that_changes_no_issue()
    {
        WriteRule("SELECT id, pic_url FROM profile", "record.pic_url != null", fields: "{ id: long, pic_url: string? }");
        using var engine = workspace.OpenEngine();
        await engine.CheckAsync();
        var before = IssueKeys.Snapshot(engine);

        WriteRule("SELECT id, pic_url FROM profiles", "record.pic_url != null", fields: "{ id: long, pic_url: string? }");
        Assert.Empty(engine.LoadRules().Errors);
        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains($"Cannot read sqlite:{database}: SQLite Error 1: 'no such table: profiles'", report.Error);
        Assert.Equal(before, IssueKeys.Snapshot(engine));
        Assert.Equal(2, before.Count);
    }

    [Fact]
    public void A_missing_database_file_is_a_load_error_at_the_source_and_is_not_created()
    {
        var missing = Path.Combine(workspace.Root, "missing.db");
        WriteRule("SELECT id, pic_url FROM profile", "record.pic_url != null", source: missing);
        using var engine = workspace.OpenEngine();

        var error = Assert.Single(engine.Rules.Errors);

        Assert.Equal(6, error.Location.Line);
        Assert.Contains($"sqlite:{missing}", error.Message);
        Assert.Contains("unable to open database file", error.Message);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task A_missing_database_file_with_declared_fields_is_an_error_of_the_pass_and_is_not_created()
    {
        var missing = Path.Combine(workspace.Root, "missing.db");
        WriteRule("SELECT id, pic_url FROM profile", "record.pic_url != null", fields: "{ id: long, pic_url: string? }",
            source: $"Data Source={missing}");
        using var engine = workspace.OpenEngine();
        Assert.Empty(engine.Rules.Errors);

        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains($"Cannot read sqlite:{missing}: SQLite Error 14: 'unable to open database file'", report.Error);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void A_misspelled_field_is_a_load_error_at_its_yaml_line()
    {
        WriteRule("SELECT id, pic_url FROM profile", "record.pic_ur != null");
        using var engine = workspace.OpenEngine();

        var error = Assert.Single(engine.Rules.Errors);

        Assert.Equal(9, error.Location.Line);
        Assert.Contains("pic_ur", error.Message);
    }

    [Fact]
    public async Task Null_and_repeated_keys_are_reported_and_those_records_not_acted_on()
    {
        Execute(database, """
            CREATE TABLE signup (email TEXT, confirmed BOOL NOT NULL);
            INSERT INTO signup VALUES ('a@example.com', 0), ('b@example.com', 0), ('a@example.com', 1), (NULL, 0),
                                      ('c@example.com', 0), ('d@example.com', 1);
            """);
        workspace.WriteRules("signups.yaml", $$"""
            model_assertions:
              - name: signup unconfirmed
                source: { sqlite: "{{database}}", query: "SELECT email, confirmed FROM signup" }
                key: email
                check: record.confirmed
            """);
        using var engine = workspace.OpenEngine();

        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal((RuleOutcome.Error, 6, 2), (report.Outcome, report.RecordsChecked, report.IssuesOpened));
        Assert.Contains("1 record has a null key", report.Error);
        Assert.Contains("1 key appears on more than one record and was skipped: 'a@example.com'", report.Error);
        Assert.Equal(["b@example.com", "c@example.com"], IssueKeys.Of(engine, IssueStatus.Open));
    }

    [Theory]
    [InlineData("DELETE FROM profile RETURNING id, pic_url", "{0}")]
    [InlineData("UPDATE profile SET pic_url = NULL RETURNING id, pic_url", "{0}")]
    [InlineData("DELETE FROM profile RETURNING id, pic_url", "Data Source={0};Mode=ReadWrite")]
    public void A_query_that_writes_is_a_load_error_and_changes_no_row(string query, string source)
    {
        WriteRule(query, "record.pic_url != null", source: string.Format(source, database));
        using var engine = workspace.OpenEngine();

        var error = Assert.Single(engine.Rules.Errors);

        Assert.Contains("attempt to write a readonly database", error.Message);
        Assert.Equal(OriginalRows, Rows(database));
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("Data Source={0};Mode=ReadWrite")]
    [InlineData("Data Source={0};Mode=ReadWriteCreate")]
    public async Task A_query_that_writes_is_an_error_of_the_pass_and_changes_no_row_whatever_mode_the_rule_asks(string source)
    {
        WriteRule("DELETE FROM profile RETURNING id, pic_url", "record.pic_url != null",
            fields: "{ id: long, pic_url: string? }", source: string.Format(source, database));
        using var engine = workspace.OpenEngine();
        Assert.Empty(engine.Rules.Errors);

        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains("attempt to write a readonly database", report.Error);
        Assert.Equal(OriginalRows, Rows(database));
        Assert.Empty(engine.Issues.Find(new IssueQuery()));
    }

    [Theory]
    [InlineData("the table dropped", "no such table: profile")]
    [InlineData("the file overwritten with garbage", "file is not a database")]
    [InlineData("the file replaced with garbage", "file is not a database")]
    public async Task A_source_that_becomes_unreadable_is_an_error_of_the_pass_that_changes_no_issue(string change, string expected)
    {
        WriteRule("SELECT id, pic_url FROM profile", "record.pic_url != null");
        using var engine = workspace.OpenEngine();
        Assert.Equal(2, (await engine.CheckAsync()).Rules.Single().IssuesOpened);
        var before = IssueKeys.Snapshot(engine);

        MakeUnreadable(change);
        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains("no issue was changed", report.Error);
        Assert.Contains(expected, report.Error);
        Assert.Equal(before, IssueKeys.Snapshot(engine));
        Assert.Equal(["2", "3"], IssueKeys.Of(engine, IssueStatus.Open));
    }

    [Fact]
    public async Task A_database_file_replaced_by_another_is_read_anew_on_the_next_pass()
    {
        WriteRule("SELECT id, pic_url FROM profile", "record.pic_url != null");
        using var engine = workspace.OpenEngine();
        await engine.CheckAsync();

        var replacement = Path.Combine(workspace.Root, "app.db.new");
        Execute(replacement, """
            CREATE TABLE profile (id INTEGER NOT NULL PRIMARY KEY, pic_url TEXT);
            INSERT INTO profile VALUES (1, 'https://pics.example/ann.png'), (2, NULL);
            """);
        File.Move(replacement, database, overwrite: true);
        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal((2, 1), (report.RecordsChecked, report.IssuesResolved));
        Assert.Equal(["2"], IssueKeys.Of(engine, IssueStatus.Open));
    }

    [Fact]
    public async Task A_stored_value_that_is_not_of_its_field_type_is_an_error_naming_the_field()
    {
        WriteRule("SELECT id, date_joined FROM profile", "Now - record.date_joined < TimeSpan.FromDays(5)");
        using var engine = workspace.OpenEngine();
        await engine.CheckAsync();
        var before = IssueKeys.Snapshot(engine);

        Execute(database, "UPDATE profile SET date_joined = 'next tuesday' WHERE id = 2");
        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains("Field 'date_joined' holds 'next tuesday', which is not a DateTime", report.Error);
        Assert.Equal(before, IssueKeys.Snapshot(engine));
    }

    private void MakeUnreadable(string change)
    {
        var garbage = Enumerable.Repeat("This is not a SQLite database, but long enough to be read as one. "u8.ToArray(), 100)
            .SelectMany(bytes => bytes).ToArray();
        switch (change)
        {
            case "the table dropped":
                Execute(database, "DROP TABLE profile");
                break;
            case "the file overwritten with garbage":
                File.WriteAllBytes(database, garbage);
                break;
            case "the file replaced with garbage":
                File.WriteAllBytes(database + ".new", garbage);
                File.Move(database + ".new", database, overwrite: true);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, "no such change");
        }
    }

    // Pooling off, so the test keeps no connection of its own to the file between steps.
    private static void Execute(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The profile table's rows as "id pic_url".</summary>
    private static List<string> Rows(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id || ' ' || coalesce(pic_url, '-') FROM profile ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    /// <summary>The source's mapping is on line 6 and the check on line 9 of the rule file.</summary>
    private string WriteRule(string query, string check, string? fields = null, string? source = null) =>
        workspace.WriteRules("profiles.yaml", $"""
            model_assertions:
              - name: profile pic
                key: id
                {(fields is null ? "# types from the query" : $"fields: {fields}")}
                source:
                  sqlite: "{source ?? database}"
                  query: "{query}"
                check: |
                  {check.ReplaceLineEndings("\n      ")}
            """);
}
