using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using RulesEngine.Compilation;
using RulesEngine.Issues;
using RulesEngine.RuleFiles;

namespace RulesEngine.Responding;

/// <summary>
/// Settles a run recorded as started that never completed: the process running it died (or its pass was cancelled).
/// Whether it took effect is unknown, so the responder's <c>on_crash</c> decides, and the decision is recorded on the
/// run: never silently neither. <c>abandon</c> records it as abandoned; <c>retry</c> records it as a failed attempt
/// and has it run again at once, as the next attempt, while the action has attempts left.
/// </summary>
internal sealed class InterruptedRun(IssueStore store, ILoggerFactory loggers)
{
    private const string Interrupted = "interrupted: the engine stopped before the action completed, so whether " +
        "it took effect is unknown";

    /// <param name="notRunnable">Why the action may not run again whatever on_crash says (the issue left Open), or null.</param>
    /// <param name="reports">Receives the report of an abandoned run, or of one with no attempt left.</param>
    /// <returns>The attempt to run now, or null.</returns>
    public int? Settle(Issue issue, CompiledResponder responder, CompiledAction action, ActionRun run,
        string? notRunnable, List<ActionReport> reports)
    {
        var log = loggers.CreateLogger($"Responders.{responder.Name}");
        log.LogWarning(EngineEvents.ActionInterrupted, "Action '{Action}' of responder '{Responder}' on issue {IssueId} " +
            "'{IssueName}' was interrupted at attempt {Attempt}; on_crash is {OnCrash}",
            action.Key, responder.Name, issue.Id, issue.Name, run.Attempt, responder.Definition.OnCrash);

        if (notRunnable is not null || responder.Definition.OnCrash == CrashPolicy.Abandon)
        {
            var reason = notRunnable ?? "on_crash is abandon";
            return Close(issue, responder, action, run, ActionOutcome.Abandoned, $"{Interrupted}; not run again: {reason}", reports);
        }

        if (!ActionSchedule.HasAttemptsLeft(action.Definition, run.Attempt))
        {
            return Close(issue, responder, action, run, ActionOutcome.Failed,
                $"{Interrupted}; not run again: no attempt left (retries: {action.Definition.Retries})", reports);
        }

        store.CompleteAction(issue.Id, run.RunId, ActionOutcome.Failed, Details($"{Interrupted}; run again (on_crash: retry)"));
        return run.Attempt + 1;
    }

    private int? Close(Issue issue, CompiledResponder responder, CompiledAction action, ActionRun run,
        ActionOutcome outcome, string error, List<ActionReport> reports)
    {
        store.CompleteAction(issue.Id, run.RunId, outcome, Details(error));
        reports.Add(ActionRunner.Report(issue, responder, action, outcome, error, run.Attempt));
        return null;
    }

    private static JsonObject Details(string error) => new() { ["error"] = error, ["interrupted"] = true };
}
