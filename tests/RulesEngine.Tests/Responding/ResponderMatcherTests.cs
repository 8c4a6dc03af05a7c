using Microsoft.Extensions.Logging;
using RulesEngine.Issues;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Responding;

/// <summary>
/// A watch pattern that backtracks past its time limit matches nothing, so it stalls no other responder, and the
/// operator is told once per responder and pass.
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
            $"issue '{first}' and matched nothing; its other issues this pass may be missed the same way. Simplify " +
            "the pattern (nested repetition such as (x+x+)+ backtracks without end)", warning.Message);
    }
}
