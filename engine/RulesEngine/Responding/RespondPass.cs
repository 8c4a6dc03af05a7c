using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using RulesEngine.Checking;
using RulesEngine.Compilation;
using RulesEngine.Issues;
using RulesEngine.Loading;
using RulesEngine.Scripting;

namespace RulesEngine.Responding;

/// <summary>
/// Walks every open issue against every responder and runs the actions that are due: once the issue's creation
/// time plus the action's delay has passed, in order of delay, and (without allow_retry) only if the action has
/// never run for the issue. Each run is recorded as started before it runs and completed after; a failing action
/// is recorded and stops nothing else.
/// </summary>
public sealed class RespondPass(IssueStore store, EngineOptions options)
{
    private readonly IssueReader reader = new(store);

    public async Task<RespondSummary> RunAsync(RuleSet rules, CancellationToken cancellationToken = default)
    {
        var now = options.TimeProvider.GetUtcNow();
        var openIssues = store.OpenIssues();
        var matcher = new ResponderMatcher(rules.Responders);
        var reports = new List<ActionReport>();

        foreach (var issue in openIssues)
        {
            foreach (var responder in matcher.Matching(issue.Name))
            {
                foreach (var action in DueActions(responder, issue, now))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    reports.Add(await RunActionAsync(responder, action, issue, cancellationToken).ConfigureAwait(false));
                }
            }
        }

        return new RespondSummary(openIssues.Count, reports);
    }

    private static IEnumerable<CompiledAction> DueActions(CompiledResponder responder, Issue issue, DateTimeOffset now) =>
        responder.Actions
            .Where(action => issue.CreatedAt + action.Definition.Delay <= now)
            .Where(action => responder.Definition.AllowRetry || !HasRun(issue, responder, action))
            .OrderBy(action => action.Definition.Delay);

    private static bool HasRun(Issue issue, CompiledResponder responder, CompiledAction action) =>
        issue.Actions.Any(run => run.Responder == responder.Name && run.Action == action.Key);

    private async Task<ActionReport> RunActionAsync(CompiledResponder responder, CompiledAction action, Issue issue, CancellationToken cancellationToken)
    {
        var log = options.LoggerFactory.CreateLogger($"Responders.{responder.Name}");
        var run = store.StartAction(issue.Id, responder.Name, action.Key, attempt: 1);
        var context = new ScriptContext(options.TimeProvider.GetUtcNow().UtcDateTime, log, reader, cancellationToken);

        try
        {
            var details = await TimedCheck.RunAsync(
                token => action.Implementation.ExecuteAsync(issue, context with { CancellationToken = token }),
                options.ActionTimeout, options.TimeProvider, cancellationToken).ConfigureAwait(false);
            store.CompleteAction(issue.Id, run.RunId, ActionOutcome.Succeeded, details);
            log.LogInformation(EngineEvents.ActionSucceeded, "Action {Action} of {Responder} ran on issue {IssueId} '{IssueName}'",
                action.Key, responder.Name, issue.Id, issue.Name);
            return new ActionReport(issue.Id, issue.Name, issue.Record?.Key, responder.Name, action.Key, ActionOutcome.Succeeded, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            var error = exception is TimeoutException
                ? $"the action ran longer than its timeout of {options.ActionTimeout.TotalSeconds:0.###} s"
                : ScriptErrors.Describe(exception, responder.File.Path);
            store.CompleteAction(issue.Id, run.RunId, ActionOutcome.Failed, new JsonObject { ["error"] = error });
            log.LogWarning(EngineEvents.ActionFailed, "Action {Action} of {Responder} failed on issue {IssueId} '{IssueName}': {Error}",
                action.Key, responder.Name, issue.Id, issue.Name, error);
            return new ActionReport(issue.Id, issue.Name, issue.Record?.Key, responder.Name, action.Key, ActionOutcome.Failed, error);
        }
    }
}
