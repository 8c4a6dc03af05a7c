using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using RulesEngine.Compilation;
using RulesEngine.Issues;
using RulesEngine.RuleFiles;
using RulesEngine.Scripting;

namespace RulesEngine.Checking;

/// <summary>
/// Runs one assertion: its check under a timeout, then opens or resolves its issue. A check that throws or times
/// out is an error of the rule and changes no issue. Never throws for a rule's fault; only cancellation escapes.
/// </summary>
public sealed class AssertionRunner
{
    private const int MaxLoggedDetails = 1_000;

    private readonly IssueStore store;
    private readonly EngineOptions options;
    private readonly IssueReader reader;
    private readonly AbandonedRuns abandoned = new();

    public AssertionRunner(IssueStore store, EngineOptions options)
    {
        this.store = store;
        this.options = options;
        reader = new IssueReader(store);
    }

    public async Task<RuleRunReport> RunAsync(CompiledAssertion assertion, CancellationToken cancellationToken = default)
    {
        var startedAt = options.TimeProvider.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        var log = options.LoggerFactory.CreateLogger($"Rules.{assertion.Name}");
        var timeout = assertion.Definition.Timeout ?? options.CheckTimeout;

        var report = new RuleRunReport
        {
            Rule = assertion.Name,
            Kind = RuleKind.Assertion,
            File = assertion.File.Path,
            Outcome = RuleOutcome.Error,
            StartedAt = startedAt,
            Duration = TimeSpan.Zero,
        };

        if (abandoned.IsRunning(assertion.Name))
        {
            report = report with { Outcome = RuleOutcome.Skipped, Error = AbandonedRuns.StillRunning };
            RuleLog.Report(log, report);
            return report;
        }

        try
        {
            var result = await TimedCheck.RunAsync(
                token => CheckAsync(assertion, new ScriptContext(startedAt.UtcDateTime, log, reader, token)),
                timeout, options.TimeProvider, cancellationToken).ConfigureAwait(false);
            report = Apply(assertion, result, report, log);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (RunTimeoutException exception)
        {
            abandoned.Add(assertion.Name, exception.Work);
            report = report with { Error = TimedCheck.Describe(exception, assertion.File.Path, timeout) };
        }
        catch (IssueStoreFailedException exception)
        {
            report = report with { Error = exception.Message };
        }
        catch (Exception exception)
        {
            report = report with { Error = TimedCheck.Describe(exception, assertion.File.Path, timeout) };
        }

        report = report with { Duration = stopwatch.Elapsed };
        RuleLog.Report(log, report);
        return report;
    }

    private static async Task<CheckResult> CheckAsync(CompiledAssertion assertion, ScriptContext context)
    {
        var script = assertion.Create();
        script.Attach(context);
        return await script.CheckAsync().ConfigureAwait(false);
    }

    private RuleRunReport Apply(CompiledAssertion assertion, CheckResult result, RuleRunReport report, ILogger log)
    {
        var key = new IssueKey(assertion.Name);
        if (result.Ok)
        {
            var resolved = StoreCall.Write(() => store.Resolve(key, "the check passed"));
            foreach (var issue in resolved)
            {
                log.LogInformation(EngineEvents.IssueResolved, "Resolved issue {IssueId} '{IssueName}': the check passed", issue.Id, issue.Name);
            }

            return report with { Outcome = RuleOutcome.Passed, IssuesResolved = resolved.Count };
        }

        var details = Details.ToJson(result.Details);
        var opened = StoreCall.Write(() => store.MaybeOpen(key, details));
        if (opened.Disposition == OpenDisposition.Created)
        {
            if (details is null)
            {
                log.LogInformation(EngineEvents.IssueOpened, "Opened issue {IssueId} '{IssueName}'", opened.Issue.Id, opened.Issue.Name);
            }
            else
            {
                log.LogInformation(EngineEvents.IssueOpened, "Opened issue {IssueId} '{IssueName}' with details {Details}",
                    opened.Issue.Id, opened.Issue.Name, Shortened(details.ToJsonString()));
            }
        }

        return report with
        {
            Outcome = RuleOutcome.Failed,
            IssuesOpened = opened.Disposition == OpenDisposition.Created ? 1 : 0,
        };
    }

    // A log line shows the start of large details; the issue keeps them whole.
    private static string Shortened(string json) => json.Length <= MaxLoggedDetails
        ? json
        : string.Create(CultureInfo.InvariantCulture, $"{json[..MaxLoggedDetails]}... ({json.Length:N0} characters)");
}
