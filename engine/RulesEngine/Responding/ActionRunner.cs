using Microsoft.Extensions.Logging;
using RulesEngine.Compilation;
using RulesEngine.Issues;
using RulesEngine.Scripting;
using RulesEngine.Templates;

namespace RulesEngine.Responding;

/// <summary>
/// Runs one attempt of an action on an issue: recorded as started in the store before it runs and completed after,
/// so a process that dies in between leaves a started run for the next pass to settle. A failure is recorded with
/// its error and stops nothing else.
/// </summary>
internal sealed class ActionRunner(IssueStore store, EngineOptions options, RetryBackoff backoff)
{
    private readonly IssueReader reader = new(store);

    public async Task<ActionReport> RunAsync(Issue issue, CompiledResponder responder, CompiledAction action,
        int attempt, CancellationToken cancellationToken)
    {
        var log = options.LoggerFactory.CreateLogger($"Responders.{responder.Name}");
        var run = store.StartAction(issue.Id, responder.Name, action.Key, attempt);
        var timeout = action.Definition.Timeout ?? options.ActionTimeout;

        try
        {
            var details = await ActionTimer.RunAsync(
                token => action.Implementation.ExecuteAsync(Invocation(issue, responder, action, attempt, log, token)),
                timeout, options.TimeProvider, cancellationToken).ConfigureAwait(false);
            store.CompleteAction(issue.Id, run.RunId, ActionOutcome.Succeeded, details);
            log.LogInformation(EngineEvents.ActionSucceeded, "Action '{Action}' of responder '{Responder}' ran on issue {IssueId} " +
                "'{IssueName}' (attempt {Attempt})", action.Key, responder.Name, issue.Id, issue.Name, attempt);
            return Report(issue, responder, action, ActionOutcome.Succeeded, null, attempt);
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested)
        {
            // Whether the action took effect is unknown: the run stays started, and the next pass settles it by the
            // responder's on_crash, as after a crash.
            throw new OperationCanceledException("The respond pass was cancelled while an action ran.", exception,
                cancellationToken);
        }
        catch (Exception exception)
        {
            var (error, details) = ActionFailure.Describe(exception, responder.File.Path);
            store.CompleteAction(issue.Id, run.RunId, ActionOutcome.Failed, details);
            var retryAt = RetryAt(responder, action, attempt);
            LogFailure(log, responder, action, issue, attempt, error, retryAt);
            return Report(issue, responder, action, ActionOutcome.Failed, error, attempt, retryAt);
        }
    }

    public static ActionReport Report(Issue issue, CompiledResponder responder, CompiledAction action,
        ActionOutcome outcome, string? error, int attempt, DateTimeOffset? retryAt = null) =>
        new(issue.Id, issue.Name, issue.Record?.Key, responder.Name, action.Key, outcome, error, attempt, retryAt);

    private ActionInvocation Invocation(Issue issue, CompiledResponder responder, CompiledAction action, int attempt,
        ILogger log, CancellationToken token)
    {
        var now = options.TimeProvider.GetUtcNow();
        var url = IssueLink.For(issue.Id, options.ApiBaseUrl);
        return new ActionInvocation(
            issue,
            responder.Name,
            action.Key,
            attempt,
            new ScriptContext(now.UtcDateTime, log, reader, token),
            new TemplateScope(issue, responder.Name, action.Key, attempt, url, now),
            options);
    }

    /// <summary>When the next attempt is due; null when none is left, or when allow_retry runs it every pass anyway.</summary>
    private DateTimeOffset? RetryAt(CompiledResponder responder, CompiledAction action, int attempt) =>
        !responder.Definition.AllowRetry && ActionSchedule.HasAttemptsLeft(action.Definition, attempt)
            ? options.TimeProvider.GetUtcNow() + backoff.After(attempt, action.Definition.RetryDelay)
            : null;

    private static void LogFailure(ILogger log, CompiledResponder responder, CompiledAction action, Issue issue,
        int attempt, string error, DateTimeOffset? retryAt)
    {
        if (retryAt is not null || responder.Definition.AllowRetry)
        {
            log.LogWarning(EngineEvents.ActionFailed, "Action '{Action}' of responder '{Responder}' failed on issue {IssueId} " +
                "'{IssueName}' (attempt {Attempt}; next at {RetryAt:u}, or the next pass with allow_retry): {Error}",
                action.Key, responder.Name, issue.Id, issue.Name, attempt, retryAt, error);
            return;
        }

        log.LogError(EngineEvents.ActionGaveUp, "Action '{Action}' of responder '{Responder}' failed on issue {IssueId} " +
            "'{IssueName}' (attempt {Attempt}, no retry left): {Error}",
            action.Key, responder.Name, issue.Id, issue.Name, attempt, error);
    }
}
