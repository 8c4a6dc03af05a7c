using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using RulesEngine.Compilation;
using RulesEngine.Issues;
using RulesEngine.RuleFiles;
using RulesEngine.Scripting;
using RulesEngine.Sources;

namespace RulesEngine.Checking;

/// <summary>
/// Runs one model assertion pass: streams every record of the source through the check, then writes only what
/// changed, in one transaction. A source that cannot be read makes the pass an error that changes nothing, so an
/// unreachable database never resolves the issues of records it merely failed to return.
/// </summary>
public sealed class ModelAssertionRunner
{
    private const string SourceUnread = "the source could not be read, no issue was changed: ";

    private readonly IssueStore store;
    private readonly EngineOptions options;
    private readonly IssueReader reader;
    private readonly AbandonedRuns abandoned = new();

    public ModelAssertionRunner(IssueStore store, EngineOptions options)
    {
        this.store = store;
        this.options = options;
        reader = new IssueReader(store);
    }

    public async Task<RuleRunReport> RunAsync(CompiledModelAssertion rule, CancellationToken cancellationToken = default)
    {
        var startedAt = options.TimeProvider.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        var log = options.LoggerFactory.CreateLogger($"Rules.{rule.Name}");
        var timeout = rule.Definition.Timeout ?? options.CheckTimeout;

        var report = new RuleRunReport
        {
            Rule = rule.Name,
            Kind = RuleKind.ModelAssertion,
            File = rule.File.Path,
            Outcome = RuleOutcome.Error,
            StartedAt = startedAt,
            Duration = TimeSpan.Zero,
        };

        if (abandoned.IsRunning(rule.Name))
        {
            report = report with { Outcome = RuleOutcome.Skipped, Error = AbandonedRuns.StillRunning };
            RuleLog.Report(log, report);
            return report;
        }

        try
        {
            var plan = await TimedCheck.RunAsync(
                token => Task.FromResult(CheckRecords(rule, new ScriptContext(startedAt.UtcDateTime, log, reader, token))),
                timeout, options.TimeProvider, cancellationToken).ConfigureAwait(false);
            report = Apply(rule, plan, report, log);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (RunTimeoutException exception)
        {
            abandoned.Add(rule.Name, exception.Work);
            report = report with { Error = TimedCheck.Describe(exception, rule.File.Path, timeout) };
        }
        catch (IssueStoreFailedException exception)
        {
            report = report with { Error = exception.Message };
        }
        catch (SourceReadException exception)
        {
            // The source's own words, which say what failed; the exception's type would add nothing to them.
            report = report with { Error = SourceUnread + exception.Message };
        }
        catch (Exception exception)
        {
            report = report with { Error = SourceUnread + TimedCheck.Describe(exception, rule.File.Path, timeout) };
        }

        report = report with { Duration = stopwatch.Elapsed };
        RuleLog.Report(log, report);
        return report;
    }

    private ModelPassPlan CheckRecords(CompiledModelAssertion rule, ScriptContext context)
    {
        var script = rule.Create();
        script.Attach(context, rule.Source);
        var plan = new ModelPassPlan(StoreCall.Read(() => store.UnresolvedIssuesByRecord(rule.Name)));

        foreach (var verdict in script.CreateRecordSet().Check())
        {
            var key = FormatKey(verdict.Key);
            if (key is not null && !IssueKeyRules.FitsRecordKey(key))
            {
                plan.LongKey(key);
            }
            else if (verdict.Error is not null)
            {
                plan.Errored(key, ScriptErrors.Describe(verdict.Error, rule.File.Path));
            }
            else if (key is null)
            {
                plan.NullKey();
            }
            else if (verdict.Result.Ok)
            {
                plan.Passed(key);
            }
            else
            {
                plan.Failing(key, Details.ToJson(verdict.Result.Details));
            }
        }

        return plan;
    }

    private RuleRunReport Apply(CompiledModelAssertion rule, ModelPassPlan plan, RuleRunReport report, ILogger log)
    {
        var changes = plan.Changes();
        var opened = 0;
        if (!changes.IsEmpty)
        {
            opened = StoreCall.Write(() => store.ApplyModelPass(rule.Name, rule.SourceDescription, changes));
            log.LogInformation(EngineEvents.ModelPassCompleted,
                "Model assertion '{Rule}' changed issues: opened {Opened}, resolved {Resolved}, updated {Refreshed}",
                rule.Name, opened, changes.Resolve.Count, changes.Refresh.Count);
        }

        var problems = Problems(plan);
        return report with
        {
            Outcome = problems is not null ? RuleOutcome.Error : plan.Failed > 0 ? RuleOutcome.Failed : RuleOutcome.Passed,
            Error = problems,
            RecordsChecked = plan.Checked,
            RecordsFailed = plan.Failed,
            IssuesOpened = opened,
            IssuesResolved = changes.Resolve.Count,
        };
    }

    // Records the pass could not judge make the rule an error, so an operator sees them, while every other record's
    // issue was still kept up to date.
    private static string? Problems(ModelPassPlan plan)
    {
        var problems = new List<string>();
        if (plan.Errors > 0)
        {
            problems.Add($"the check threw for {Counted.Of(plan.Errors, "record")}, whose {(plan.Errors == 1 ? "issue was" : "issues were")} left as {(plan.Errors == 1 ? "it was" : "they were")}; first: {plan.FirstError}");
        }

        if (plan.NullKeys > 0)
        {
            problems.Add($"{Counted.Of(plan.NullKeys, "record")} {Have(plan.NullKeys)} a null key and {Were(plan.NullKeys)} skipped");
        }

        if (plan.LongKeys > 0)
        {
            problems.Add($"{Counted.Of(plan.LongKeys, "record")} {Have(plan.LongKeys)} a key longer than {IssueKeyRules.MaxRecordKeyBytes} bytes " +
                $"of UTF-8, more than the issue store can index, and {Were(plan.LongKeys)} skipped; first: {IssueKeyRules.Quote(plan.FirstLongKey!)}");
        }

        if (plan.RepeatedKeys.Count > 0)
        {
            var sample = string.Join(", ", plan.RepeatedKeys.Take(5).Select(key => $"'{key}'"));
            problems.Add($"{Counted.Of(plan.RepeatedKeys.Count, "key")} {(plan.RepeatedKeys.Count == 1 ? "appears" : "appear")} on more than one record and {Were(plan.RepeatedKeys.Count)} skipped: {sample}");
        }

        if (plan.KeptUnseen > 0)
        {
            problems.Add($"{Counted.Of(plan.KeptUnseen, "open issue")} whose record was not seen {Were(plan.KeptUnseen)} left open, " +
                "as a record skipped for its key may be theirs");
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static string Have(long count) => count == 1 ? "has" : "have";

    private static string Were(long count) => count == 1 ? "was" : "were";

    private static string? FormatKey(object? key) => key switch
    {
        null => null,
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        _ => Convert.ToString(key, CultureInfo.InvariantCulture),
    };
}
