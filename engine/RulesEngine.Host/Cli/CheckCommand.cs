using System.CommandLine;
using RulesEngine.Checking;

namespace RulesEngine.Host.Cli;

/// <summary><c>check</c>: runs every assertion and model assertion once.</summary>
internal static class CheckCommand
{
    public static Command Build()
    {
        var rules = CommonOptions.Rules();
        var store = CommonOptions.Store();
        var json = CommonOptions.Json();
        var respond = new Option<bool>("--respond") { Description = "Run the responders once after the checks." };
        var command = new Command("check", "Run every assertion and model assertion once. Exit 0 when all hold, 1 when some failed, 2 on a rule or usage error.")
        {
            rules, store, json, respond,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = new Output(parseResult.GetValue(json));
            return await EngineSession.RunAsync(parseResult.GetValue(rules)!, parseResult.GetValue(store)!, output,
                engine => RunAsync(engine, output, parseResult.GetValue(respond), cancellationToken));
        });

        return command;
    }

    private static async Task<int> RunAsync(Engine engine, Output output, bool respond, CancellationToken cancellationToken)
    {
        var loaded = engine.LoadRules();

        // For people, each rule's line as soon as it has run: a slow rule, or Ctrl-C, leaves what ran on the screen.
        if (!output.IsJson)
        {
            RuleErrorsPrinter.Print(loaded, engine.Options.RulesDirectory);
        }

        var summary = output.IsJson
            ? await engine.CheckAsync(cancellationToken)
            : await engine.CheckAsync(PrintRule, cancellationToken);
        var responded = respond ? await engine.RespondAsync(cancellationToken) : null;

        output.Write(new { loadErrors = RuleErrorsPrinter.ToJson(loaded), summary.Passed, summary.Failed, summary.Errors, rules = summary.Rules, respond = responded }, _ =>
        {
            PrintForPeople(summary, loaded.Errors.Count);
            if (responded is not null)
            {
                RespondCommand.PrintForPeople(responded);
            }
        });

        return loaded.Errors.Count > 0 || summary.Errors > 0 ? ExitCodes.Error
            : summary.Failed > 0 ? ExitCodes.Failed
            : ExitCodes.Success;
    }

    /// <summary>One rule's line, printed as soon as the rule has run.</summary>
    private static void PrintRule(RuleRunReport rule)
    {
        var label = rule.Outcome switch
        {
            RuleOutcome.Passed => "PASS ",
            RuleOutcome.Failed => "FAIL ",
            RuleOutcome.Skipped => "SKIP ",
            _ => "ERROR",
        };
        var records = rule.Kind == RulesEngine.RuleFiles.RuleKind.ModelAssertion
            ? $", {rule.RecordsFailed}/{Counted.Of(rule.RecordsChecked, "record")} failing"
            : "";
        var issues = $"{rule.IssuesOpened} opened, {rule.IssuesResolved} resolved";
        Console.WriteLine($"{label} {rule.Rule} ({rule.Duration.TotalMilliseconds:0} ms{records}; {issues})");
        if (rule.Error is not null)
        {
            Console.WriteLine($"      {rule.Error}");
        }
    }

    /// <summary>The last line, under the rules' lines printed as each ran.</summary>
    /// <param name="loadErrors">The rule files' errors: rules that did not load are not in the summary, but the
    /// last line, the one a person reads, must not look all well when some could not even run.</param>
    private static void PrintForPeople(CheckSummary summary, int loadErrors)
    {
        var notLoaded = loadErrors == 0 ? "" : $"; {Counted.Of(loadErrors, "load error")}, on stderr";
        Console.WriteLine($"{summary.Passed} passed, {summary.Failed} failed, {Counted.Of(summary.Errors, "error")}{notLoaded}");
    }
}
