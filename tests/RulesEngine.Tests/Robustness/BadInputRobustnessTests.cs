using System.Text.Json;
using RulesEngine.Checking;
using RulesEngine.Compilation;
using RulesEngine.Issues;
using RulesEngine.Loading;
using RulesEngine.Scripting;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Robustness;

/// <summary>Bad input found by trying to break the engine: each must be reported, and must lose nothing.</summary>
public sealed class BadInputRobustnessTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task A_check_whose_details_hold_a_lone_surrogate_is_an_error_of_the_rule_not_of_the_store()
    {
        workspace.WriteRules("text.yaml", """
            assertions:
              - name: half a pair
                check: return (false, new { text = "bad " + (char)0xD800 });
            """);
        using var engine = workspace.OpenEngine();

        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains("A string in the details 'bad \\ud800' holds a lone UTF-16 surrogate (U+D800) at position 5, which is not text.", report.Error);
        Assert.DoesNotContain("issue store could not", report.Error);
        Assert.Empty(engine.Issues.Find(new IssueQuery()));
    }

    [Fact]
    public async Task A_check_whose_details_have_a_key_with_a_nul_character_is_an_error_of_the_rule_not_of_the_store()
    {
        workspace.WriteRules("nul.yaml", """
            assertions:
              - name: nul key
                check: return (false, new Dictionary<string, int> { ["a\0b"] = 1 });
            """);
        using var engine = workspace.OpenEngine();

        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Error, report.Outcome);
        Assert.Contains("A key in the details 'a\\0b' holds a NUL character (U+0000) at position 2", report.Error);
        Assert.DoesNotContain("issue store could not", report.Error);
        Assert.Empty(engine.Issues.Find(new IssueQuery()));
        Assert.Null(engine.Issues.DamageFound);
    }

    [Fact]
    public async Task A_check_whose_details_reach_into_the_runtime_keeps_them_as_text_and_opens_its_issue()
    {
        workspace.WriteRules("runtime.yaml", """
            assertions:
              - name: runtime objects
                timeout: 5s
                check: |
                  Exception error;
                  try { throw new FormatException("bad total"); } catch (Exception e) { error = e; }
                  return (false, new { type = typeof(string), call = (Func<int>)(() => 1), error, task = Task.FromResult(1) });
            """);
        using var engine = workspace.OpenEngine();

        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Failed, report.Outcome);
        var details = Assert.Single(engine.Issues.Find(new IssueQuery())).Details!;
        Assert.Equal("System.String", details["type"]!.GetValue<string>());
        Assert.Equal("System.Func`1[System.Int32]", details["call"]!.GetValue<string>());
        Assert.Equal("FormatException: bad total", details["error"]!.GetValue<string>());
        Assert.StartsWith("System.Threading.Tasks.Task`1", details["task"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_check_whose_details_are_endless_or_huge_opens_its_issue_with_them_cut_and_says_so()
    {
        workspace.WriteRules("huge.yaml", """
            assertions:
              - name: endless
                check: return (false, Enumerable.Range(0, int.MaxValue));
              - name: huge text
                check: return (false, new { text = new string('x', 20_000_000) });
            """);
        using var engine = workspace.OpenEngine();

        var summary = await engine.CheckAsync();

        Assert.All(summary.Rules, rule => Assert.Equal(RuleOutcome.Failed, rule.Outcome));
        var endless = engine.Issues.Find(new IssueQuery { NamePrefix = "endless" }).Single().Details!.AsArray();
        Assert.Equal(Details.MaxValues, endless.Count);
        Assert.Equal(Details.MaxValues - 2, endless[^2]!.GetValue<int>());
        Assert.Equal("(cut: the details keep 10,000 values)", endless[^1]!.GetValue<string>());
        var text = engine.Issues.Find(new IssueQuery { NamePrefix = "huge text" }).Single().Details!["text"]!.GetValue<string>();
        Assert.Equal(new string('x', Details.MaxTextLength - "text".Length) + "... (cut: 20,000,000 characters; the details keep 1,000,000 in all)", text);
    }

    [Fact]
    public async Task A_check_whose_details_nest_deeper_than_the_store_keeps_opens_its_issue_with_them_cut()
    {
        workspace.WriteRules("deep.yaml", """
            assertions:
              - name: deep
                check: |
                  object details = 1;
                  for (var i = 0; i < 40; i++) details = new[] { details };
                  return (false, details);
            """);
        using var engine = workspace.OpenEngine();

        var report = (await engine.CheckAsync()).Rules.Single();

        Assert.Equal(RuleOutcome.Failed, report.Outcome);
        var details = Assert.Single(engine.Issues.Find(new IssueQuery())).Details!;
        for (var level = 1; level < IssueStore.MaxDetailsDepth; level++)
        {
            details = details.AsArray().Single()!;
        }

        Assert.StartsWith("(deeper than 32 levels: ", details.AsArray().Single()!.GetValue<string>());
    }

    [Fact]
    public void A_store_path_naming_a_file_that_is_not_a_store_is_refused_and_the_file_left_untouched()
    {
        var path = Path.Combine(workspace.Root, "host.yaml");
        File.WriteAllText(path, "assertions: []\n");

        var error = Assert.ThrowsAny<IOException>(() => IssueStore.Open(path));

        Assert.Contains("not an issue store", error.Message);
        Assert.Equal("assertions: []\n", File.ReadAllText(path));
    }

    [Fact]
    public void A_rule_whose_csharp_does_not_parse_is_left_out_alone_and_reported_at_its_line()
    {
        var path = workspace.WriteRules("a.yaml", """
            assertions:
              - name: good
                check: "false"
              - name: bad
                check: |
                  if (true) {
              - name: also good
                check: "true"
            """);
        using var engine = workspace.OpenEngine();

        Assert.Equal(["also good", "good"], engine.Rules.Assertions.Select(rule => rule.Name).Order());
        var error = Assert.Single(engine.Rules.Errors.DistinctBy(error => error.Rule));
        Assert.Equal(("bad", path), (error.Rule, error.Location.File));
        Assert.InRange(error.Location.Line, 5, 6);
    }

    [Fact]
    public async Task A_check_still_running_after_its_timeout_is_not_started_again_until_it_ends()
    {
        var release = Path.Combine(workspace.Root, "release");
        workspace.WriteRules("a.yaml", $$"""
            assertions:
              - name: stuck
                timeout: 1s
                params: { release: "{{release}}" }
                check: |
                  while (!File.Exists(Params.release)) Thread.Sleep(10);
                  return true;
            """);
        using var engine = workspace.OpenEngine();
        var rule = engine.Rules.Assertions.Single();

        try
        {
            var first = engine.RunAsync(rule);
            await Task.Delay(200);
            workspace.Clock.Advance(TimeSpan.FromSeconds(1));
            var timedOut = await first;
            var second = await engine.RunAsync(rule);

            Assert.Contains("timeout", timedOut.Error);
            Assert.Equal(AbandonedRuns.StillRunning, second.Error);
        }
        finally
        {
            File.WriteAllText(release, "");
        }

        await Task.Delay(200);
        var third = engine.RunAsync(rule);
        Assert.Equal(RuleOutcome.Passed, (await third).Outcome);
    }

    [Fact]
    public void A_damaged_compile_cache_entry_is_compiled_again()
    {
        var cache = Path.Combine(workspace.Root, "cache");
        workspace.WriteRules("a.yaml", "assertions: [ { name: a, check: 'true' } ]");
        new RuleSetLoader(new RuleCompiler(cache)).Load(workspace.RulesDirectory);
        foreach (var file in Directory.GetFiles(cache))
        {
            File.WriteAllBytes(file, [0x4d, 0x5a, 0x00]);
        }

        var rules = new RuleSetLoader(new RuleCompiler(cache)).Load(workspace.RulesDirectory);

        Assert.Empty(rules.Errors);
        Assert.Equal("a", rules.Assertions.Single().Name);
    }

    [Fact]
    public void A_file_that_failed_for_a_missing_database_loads_on_the_next_reload_once_the_database_exists()
    {
        var database = Path.Combine(workspace.Root, "late.db");
        workspace.WriteRules("a.yaml", $$"""
            model_assertions:
              - name: late rows
                source: { sqlite: "{{database}}", query: "SELECT id FROM t" }
                key: id
                check: record.id > 0
            """);
        var loader = new RuleSetLoader(new RuleCompiler());
        var first = loader.Load(workspace.RulesDirectory);

        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE t (id INTEGER NOT NULL)";
            command.ExecuteNonQuery();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var second = loader.Load(workspace.RulesDirectory, first);

        Assert.NotEmpty(first.Errors);
        Assert.Empty(second.Errors);
        Assert.Equal("late rows", second.ModelAssertions.Single().Name);
    }

    [Fact]
    public async Task Check_with_json_prints_only_json_on_stdout_even_when_a_rule_errors()
    {
        workspace.WriteRules("a.yaml", "assertions: [ { name: throws, check: 'int.Parse(\"x\") > 0' } ]");

        var result = await EngineProcess.RunAsync(workspace.Root, "check", "--json");

        Assert.Equal(2, result.ExitCode);
        using var output = JsonDocument.Parse(result.Stdout);
        Assert.Equal(1, output.RootElement.GetProperty("errors").GetInt32());
    }
}
