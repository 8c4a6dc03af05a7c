using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RulesEngine.Issues;
using RulesEngine.Responding;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Responding;

/// <summary>
/// A watch pattern that backtracks past its time limit matches nothing, so it stalls no other responder, is not tried
/// on that issue name again until the rules reload, and the operator is told once per responder and pass.
/// </summary>
public sealed class ResponderMatcherTests : IDisposable
{
    private readonly Workspace workspace = new();
    private readonly RecordingLoggerFactory logs = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task A_pattern_that_times_out_matches_nothing_and_is_logged_once_per_responder_and_pass()
    {
        var path = workspace.WriteRules("r.yaml", """
            responders:
              - name: backtracks
                watch: '(?:(x+x+)+y|x)'
                actions: [ { log: "slow" } ]
              - name: simple
                watch: x
                actions: [ { log: "fast" } ]
            """);
        using var engine = workspace.OpenEngine(workspace.Options with { LoggerFactory = logs });
        var first = new string('x', 52);
        engine.Issues.MaybeOpen(new IssueKey(first), null);
        engine.Issues.MaybeOpen(new IssueKey(first + " again"), null);

        var summary = await engine.RespondAsync();

        Assert.Equal([("simple", first), ("simple", first + " again")],
            summary.Actions.Select(action => (action.Responder, action.IssueName)).Order());
        var warning = Assert.Single(logs.Entries, entry => entry.EventId == EngineEvents.WatchPatternTimedOut);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal($"The watch pattern (?:(x+x+)+y|x) of responder backtracks ({path}) took longer than 1000 ms on " +
            $"issue '{first}' and matched nothing; it is not tried on that name again until the rules reload, and its " +
            "other issues may be missed the same way. Simplify the pattern (nested repetition such as (x+x+)+ " +
            "backtracks without end)", warning.Message);
    }

    [Fact]
    public async Task A_name_a_pattern_timed_out_on_is_not_tried_again_by_later_passes_until_the_rules_reload()
    {
        workspace.WriteRules("r.yaml", """
            responders:
              - name: backtracks
                watch: '(?:(x+x+)+y|x)'
                actions: [ { log: "slow" } ]
            """);
        using var engine = workspace.OpenEngine(workspace.Options with { LoggerFactory = logs });
        var name = new string('x', 52);
        engine.Issues.MaybeOpen(new IssueKey(name), null);
        engine.Issues.MaybeOpen(new IssueKey(name + " again"), null);

        // Each name costs the one-second timeout when tried: two names, about two seconds (the regex engine checks its
        // clock coarsely, so a few milliseconds less at times). A second pass that tried them again would take as long.
        var first = await Timed(engine.RespondAsync);
        var second = await Timed(engine.RespondAsync);
        engine.LoadRules();
        var afterReload = await Timed(engine.RespondAsync);

        Assert.True(first.Elapsed >= TimeSpan.FromSeconds(1.5), $"the first pass took {first.Elapsed}");
        Assert.True(second.Elapsed < TimeSpan.FromSeconds(1), $"the second pass took {second.Elapsed}");
        Assert.True(afterReload.Elapsed >= TimeSpan.FromSeconds(1.5), $"the pass after the reload took {afterReload.Elapsed}");
        Assert.Equal([0, 0, 0], new[] { first, second, afterReload }.Select(pass => pass.Summary.Actions.Count));
        Assert.Equal(2, logs.Entries.Count(entry => entry.EventId == EngineEvents.WatchPatternTimedOut));
    }

    [Fact]
    public void At_most_a_thousand_timed_out_names_are_remembered_per_responder()
    {
        workspace.WriteRules("r.yaml", "responders: [ { name: slow, watch: x, actions: [ { log: slow } ] } ]");
        using var engine = workspace.OpenEngine();
        var responder = engine.LoadRules().Responders.Single();
        var timeouts = new WatchTimeouts();

        var kept = Enumerable.Range(0, 1_001).Select(i => timeouts.Remember(responder, $"issue {i}")).ToList();

        Assert.Equal((1_000, 1), (kept.Count(remembered => remembered), kept.Count(remembered => !remembered)));
        Assert.True(timeouts.HasTimedOut(responder, "issue 999"));
        Assert.False(timeouts.HasTimedOut(responder, "issue 1000"));
    }

    private static async Task<(RespondSummary Summary, TimeSpan Elapsed)> Timed(Func<CancellationToken, Task<RespondSummary>> pass)
    {
        var stopwatch = Stopwatch.StartNew();
        var summary = await pass(CancellationToken.None);
        return (summary, stopwatch.Elapsed);
    }
}
