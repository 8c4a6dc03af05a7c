using Microsoft.Extensions.Logging;
using RulesEngine.RuleFiles;

namespace RulesEngine.Checking;

/// <summary>One structured log line per rule run.</summary>
internal static class RuleLog
{
    public static void Report(ILogger log, RuleRunReport report)
    {
        switch (report.Outcome)
        {
            case RuleOutcome.Passed:
                log.LogInformation(EngineEvents.CheckPassed, "Rule '{Rule}' passed in {DurationMs} ms; resolved {Resolved}",
                    report.Rule, report.Duration.TotalMilliseconds, report.IssuesResolved);
                break;
            case RuleOutcome.Failed when report.Kind == RuleKind.ModelAssertion:
                log.LogInformation(EngineEvents.CheckFailed, "Rule '{Rule}' failed in {DurationMs} ms; opened {Opened}, records failing {RecordsFailed}",
                    report.Rule, report.Duration.TotalMilliseconds, report.IssuesOpened, report.RecordsFailed);
                break;
            case RuleOutcome.Failed:
                log.LogInformation(EngineEvents.CheckFailed, "Rule '{Rule}' failed in {DurationMs} ms; opened {Opened}",
                    report.Rule, report.Duration.TotalMilliseconds, report.IssuesOpened);
                break;
            case RuleOutcome.Skipped:
                log.LogWarning(EngineEvents.RunSkipped, "Rule '{Rule}' in {File} was skipped: {Error}",
                    report.Rule, report.File, report.Error);
                break;
            default:
                log.LogWarning(EngineEvents.CheckError, "Rule '{Rule}' in {File} could not be checked: {Error}",
                    report.Rule, report.File, report.Error);
                break;
        }
    }
}
