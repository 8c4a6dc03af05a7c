using RulesEngine.Checking;
using RulesEngine.Issues;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Sources;

/// <summary>The csharp source: an expression in the rule file whose sequence's elements are the records.</summary>
public sealed class CSharpSourceTests : IDisposable
{
    // Each file of the folder is a record holding the number the file holds, in file name order.
    private const string SpoolFiles = "Directory.GetFiles(Params.folder).Order()" +
        ".Select(path => new { file = Path.GetFileName(path), count = int.Parse(File.ReadAllText(path)) })";

    private readonly Workspace workspace = new();
    private readonly string folder;

    public CSharpSourceTests()
    {
        folder = Path.Combine(workspace.Root, "spool");
        Directory.CreateDirectory(folder);
    }

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task Files_of_a_folder_open_keep_and_resolve_issues_per_record()
    {
        WriteCounts(("a.count", "1"), ("b.count", "0"), ("c.count", "0"));
        WriteRule();
        using var engine = workspace.OpenEngine();
        Assert.Empty(engine.Rules.Errors);

        var first = (await engine.CheckAsync()).Rules.Single();
        var afterFirst = IssueKeys.Snapshot(engine);
        workspace.Clock.Advance(TimeSpan.FromHours(1));
        var second = (await engine.CheckAsync()).Rules.Single();
        var afterSecond = IssueKeys.Snapshot(engine);
        WriteCounts(("b.count", "5"));
        File.Delete(Path.Combine(folder, "c.count"));
        var third = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal((RuleOutcome.Failed, 3, 2), (first.Outcome, first.RecordsChecked, first.IssuesOpened));
        Assert.Equal((RuleOutcome.Failed, 0, 0), (second.Outcome, second.IssuesOpened, second.IssuesResolved));
        Assert.Equal(afterFirst, afterSecond);
        Assert.Equal((RuleOutcome.Passed, 2, 2), (third.Outcome, third.RecordsChecked, third.IssuesResolved));
        var issues = engine.Issues.Find(new IssueQuery()).OrderBy(issue => issue.Record!.Key).ToList();
        Assert.Equal([("b.count", ModelPassPlan.PassedResolution), ("c.count", ModelPassPlan.GoneResolution)],
            issues.Select(issue => (issue.Record!.Key, issue.Resolution)));
        Assert.All(issues, issue => Assert.Equal("csharp", issue.Record!.Source));
        Assert.Equal(0, issues[0].Details!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_array_of_anonymous_objects_is_a_source_keyed_by_any_member()
    {
        WriteRule(source: """new[] { new { host = "db-1", up = true }, new { host = "db-2", up = false } }""", key: "host",
            check: "record.up");
        using var engine = workspace.OpenEngine();

        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal((RuleOutcome.Failed, 2, 1), (report.Outcome, report.RecordsChecked, report.IssuesOpened));
        Assert.Equal(["db-2"], IssueKeys.Of(engine, IssueStatus.Open));
    }

    [Fact]
    public async Task A_source_expression_that_throws_is_an_error_that_changes_no_issue()
    {
        WriteCounts(("a.count", "1"), ("b.count", "0"));
        WriteRule();
        using var engine = workspace.OpenEngine();
        await engine.CheckAsync();
        var before = IssueKeys.Snapshot(engine);

        Directory.Delete(folder, recursive: true);
        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains("the source could not be read, no issue was changed: DirectoryNotFoundException: " +
            $"Could not find a part of the path '{folder}'", report.Error);
        Assert.Equal(before, IssueKeys.Snapshot(engine));
        Assert.Equal(["b.count"], IssueKeys.Of(engine, IssueStatus.Open));
    }

    [Fact]
    public async Task A_source_that_throws_half_way_through_its_records_is_an_error_at_its_line_that_changes_no_issue()
    {
        WriteCounts(("a.count", "1"), ("b.count", "0"), ("c.count", "0"));
        WriteRule();
        using var engine = workspace.OpenEngine();
        await engine.CheckAsync();
        var before = IssueKeys.Snapshot(engine);

        WriteCounts(("b.count", "5"), ("c.count", "many"));
        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains("FormatException: The input string 'many' was not in a correct format.", report.Error);
        Assert.Contains($"at {RuleFile}:5:", report.Error);
        Assert.Equal(before, IssueKeys.Snapshot(engine));
        Assert.Equal(["b.count", "c.count"], IssueKeys.Of(engine, IssueStatus.Open));
    }

    [Theory]
    [InlineData("Directory.GetFile(Params.folder).Select(path => new { file = path, count = 1 })", "record.count > 0", 5, "GetFile")]
    [InlineData(SpoolFiles, "record.cont > 0", 9, "cont")]
    public void A_misspelled_member_is_a_load_error_at_its_yaml_line(string source, string check, int line, string misspelled)
    {
        WriteCounts(("a.count", "1"));
        WriteRule(source, check: check);
        using var engine = workspace.OpenEngine();

        var error = Assert.Single(engine.Rules.Errors);

        Assert.Equal(line, error.Location.Line);
        Assert.Contains(misspelled, error.Message);
        Assert.Empty(engine.Rules.ModelAssertions);
    }

    private string RuleFile => Path.Combine(workspace.RulesDirectory, "spool.yaml");

    private void WriteCounts(params (string File, string Count)[] counts)
    {
        foreach (var (file, count) in counts)
        {
            File.WriteAllText(Path.Combine(folder, file), count);
        }
    }

    /// <summary>The source is on line 5 and the check on line 9 of the rule file.</summary>
    private void WriteRule(string source = SpoolFiles, string key = "file",
        string check = "(record.count > 0, new { record.count })") =>
        workspace.WriteRules("spool.yaml", $$"""
            model_assertions:
              - name: spool file empty
                params: { folder: "{{folder}}" }
                source:
                  csharp: {{source}}
                key: {{key}}
                # a comment so the check is on line 9
                check: |
                  {{check}}
            """);
}
