using System.CommandLine;
using RulesEngine.Responding;

namespace RulesEngine.Host.Cli;

/// <summary><c>respond</c>: runs every responder once over the open issues.</summary>
internal static class RespondCommand
{
    public static Command Build()
    {
        var rules = CommonOptions.Rules();
        var store = CommonOptions.Store();
        var json = CommonOptions.Json();
        var command = new Command("respond", "Run every responder once over the open issues (and on_resolve actions of resolved ones). Exit 1 when an action failed or an interrupted one was abandoned, 2 on a rule or usage error.")
        {
            rules, store, json,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = new Output(parseResult.GetValue(json));
            return await EngineSession.RunAsync(parseResult.GetValue(rules)!, parseResult.GetValue(store)!, output,
                engine => RunAsync(engine, output, cancellationToken));
        });

        return command;
    }

    private static async Task<int> RunAsync(Engine engine, Output output, CancellationToken cancellationToken)
    {
        var loaded = engine.LoadRules();
        var summary = await engine.RespondAsync(cancellationToken);
        output.Write(new { loadErrors = RuleErrorsPrinter.ToJson(loaded), summary.OpenIssues, summary.ClosedIssues, summary.Succeeded, summary.Failed, summary.Abandoned, actions = summary.Actions }, _ =>
        {
            RuleErrorsPrinter.Print(loaded, engine.Options.RulesDirectory);
            PrintForPeople(summary);
        });

        return loaded.Errors.Count > 0 ? ExitCodes.Error
            : summary.Failed + summary.Abandoned > 0 ? ExitCodes.Failed
            : ExitCodes.Success;
    }

    public static void PrintForPeople(RespondSummary summary)
    {
        foreach (var action in summary.Actions)
        {
            var error = action.Error is null ? "" : $": {action.Error}";
            var record = action.RecordKey is null ? "" : $" [{action.RecordKey}]";
            var attempt = action.Attempt > 1 ? $" (attempt {action.Attempt})" : "";
            var retry = action.RetryAt is { } at ? $"; retried from {at:yyyy-MM-dd HH:mm:ss'Z'}" : "";
            Console.WriteLine($"{action.Outcome,-9} {action.Responder} / {action.Action}{attempt} on issue {action.IssueId} '{action.IssueName}'{record}{error}{retry}");
        }

        var abandoned = summary.Abandoned > 0 ? $", {summary.Abandoned} abandoned" : "";
        Console.WriteLine($"{Counted.Of(summary.OpenIssues, "open issue")}; {Counted.Of(summary.Succeeded, "action")} succeeded, {summary.Failed} failed{abandoned}");
    }
}
