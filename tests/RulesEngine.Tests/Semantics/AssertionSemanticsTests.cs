using RulesEngine.Checking;
using RulesEngine.Issues;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Semantics;

/// <summary>Behaviours 7 to 10 of docs/semantics.md: assertions.</summary>
public sealed class AssertionSemanticsTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task S07_an_assertion_has_a_name_and_a_check_that_reports_whether_all_is_well_and_details()
    {
        workspace.WriteRules("queue.yaml", """
            assertions:
              - name: queue too long
                params: { length: 120, limit: 100 }
                check: return (Params.length <= Params.limit, new { length = Params.length });
              - name: queue alive
                check: "true"
            """);
        using var engine = workspace.OpenEngine();

        var summary = await engine.CheckAsync();

        Assert.Equal(RuleOutcome.Failed, summary.Rules.Single(rule => rule.Rule == "queue too long").Outcome);
        Assert.Equal(RuleOutcome.Passed, summary.Rules.Single(rule => rule.Rule == "queue alive").Outcome);
        var issue = Assert.Single(engine.Issues.Find(new IssueQuery()));
        Assert.Equal("queue too long", issue.Name);
        Assert.Equal(120, issue.Details!["length"]!.GetValue<long>());
    }

    [Fact]
    public async Task S08_a_failing_check_opens_one_issue_named_after_the_assertion_and_keeps_it_with_the_latest_details()
    {
        var counter = Path.Combine(workspace.Root, "counter");
        File.WriteAllText(counter, "1");
        workspace.WriteRules("count.yaml", $$"""
            assertions:
              - name: counter not zero
                params: { path: "{{counter}}" }
                check: return (false, new { count = int.Parse(File.ReadAllText(Params.path)) });
            """);
        using var engine = workspace.OpenEngine();

        var first = await engine.CheckAsync();
        File.WriteAllText(counter, "2");
        workspace.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await engine.CheckAsync();

        Assert.Equal(1, first.Rules.Single().IssuesOpened);
        Assert.Equal(0, second.Rules.Single().IssuesOpened);
        var issue = Assert.Single(engine.Issues.Find(new IssueQuery()));
        Assert.Equal(IssueStatus.Open, issue.Status);
        Assert.Equal(2, issue.Details!["count"]!.GetValue<int>());
        Assert.Equal(workspace.Clock.GetUtcNow(), issue.LastSeenAt);
        Assert.Equal(workspace.Clock.GetUtcNow() - TimeSpan.FromMinutes(5), issue.CreatedAt);
    }

    [Fact]
    public async Task S09_a_passing_check_resolves_the_open_issue_of_that_name()
    {
        var flag = Path.Combine(workspace.Root, "healthy");
        workspace.WriteRules("flag.yaml", $$"""
            assertions:
              - name: service unhealthy
                params: { flag: "{{flag}}" }
                check: File.Exists(Params.flag)
            """);
        using var engine = workspace.OpenEngine();
        await engine.CheckAsync();
        var opened = Assert.Single(engine.Issues.Find(new IssueQuery { Status = IssueStatus.Open }));

        File.WriteAllText(flag, "");
        workspace.Clock.Advance(TimeSpan.FromMinutes(1));
        var summary = await engine.CheckAsync();

        Assert.Equal(1, summary.Rules.Single().IssuesResolved);
        var resolved = engine.Issues.Get(opened.Id)!;
        Assert.Equal(IssueStatus.Resolved, resolved.Status);
        Assert.Equal(workspace.Clock.GetUtcNow(), resolved.ResolvedAt);
    }

    [Fact]
    public async Task S10_a_check_that_throws_is_an_error_that_neither_opens_nor_resolves_and_other_rules_still_run()
    {
        var mode = Path.Combine(workspace.Root, "mode");
        File.WriteAllText(mode, "fail");
        workspace.WriteRules("a.yaml", $$"""
            assertions:
              - name: flaky
                params: { mode: "{{mode}}" }
                check: |
                  var text = File.ReadAllText(Params.mode);
                  if (text == "throw")
                      throw new InvalidOperationException("the probe broke");
                  return text == "pass";
              - name: always failing
                check: "false"
            """);
        using var engine = workspace.OpenEngine();
        await engine.CheckAsync();
        var flakyIssue = engine.Issues.Find(new IssueQuery { NamePrefix = "flaky" }).Single();

        File.WriteAllText(mode, "throw");
        var summary = await engine.CheckAsync();

        var flaky = summary.Rules.Single(rule => rule.Rule == "flaky");
        Assert.Equal(RuleOutcome.Error, flaky.Outcome);
        Assert.Contains("the probe broke", flaky.Error);
        Assert.Contains("a.yaml:7:", flaky.Error);
        Assert.Equal(1, summary.Errors);
        Assert.Equal(RuleOutcome.Failed, summary.Rules.Single(rule => rule.Rule == "always failing").Outcome);
        Assert.Equal(IssueStatus.Open, engine.Issues.Get(flakyIssue.Id)!.Status);
        Assert.Equal(2, engine.Issues.Count(IssueStatus.Open));
    }

    [Fact]
    public async Task S10_a_check_that_throws_before_any_issue_exists_opens_none()
    {
        workspace.WriteRules("a.yaml", """
            assertions:
              - name: broken probe
                check: int.Parse("not a number") > 0
            """);
        using var engine = workspace.OpenEngine();

        var summary = await engine.CheckAsync();

        Assert.Equal(RuleOutcome.Error, summary.Rules.Single().Outcome);
        Assert.Contains("FormatException", summary.Rules.Single().Error);
        Assert.Empty(engine.Issues.Find(new IssueQuery()));
    }
}
