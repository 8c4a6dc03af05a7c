using Prometheus;
using RulesEngine.Checking;
using RulesEngine.Issues;
using RulesEngine.Loading;
using RulesEngine.Responding;

namespace RulesEngine.Host.Sidecar;

/// <summary>
/// The sidecar's Prometheus metrics, fed by the scheduler's and the reloader's events. A registry of its own, so
/// nothing but the engine's metrics is exported and tests can read them without a process-wide state.
/// </summary>
internal sealed class EngineMetrics
{
    private readonly Counter checks;
    private readonly Histogram checkDuration;
    private readonly Counter actions;
    private readonly Counter reloads;
    private readonly Gauge lastReloadTime;
    private readonly Gauge lastReloadSuccess;
    private readonly Gauge loadErrors;

    public EngineMetrics(Engine engine)
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);

        checks = factory.CreateCounter("rules_engine_checks_total", "Rule runs, by rule and outcome (passed, failed, error).",
            new CounterConfiguration { LabelNames = ["rule", "outcome"] });
        checkDuration = factory.CreateHistogram("rules_engine_check_duration_seconds", "How long rule runs take, by rule.",
            new HistogramConfiguration { LabelNames = ["rule"], Buckets = Histogram.ExponentialBuckets(0.001, 4, 10) });
        actions = factory.CreateCounter("rules_engine_actions_total", "Action runs, by responder and outcome (succeeded, failed).",
            new CounterConfiguration { LabelNames = ["responder", "outcome"] });
        reloads = factory.CreateCounter("rules_engine_reloads_total", "Reloads of the rules directory, by result (success, failure).",
            new CounterConfiguration { LabelNames = ["result"] });
        lastReloadTime = factory.CreateGauge("rules_engine_last_reload_timestamp_seconds", "When the rules were last reloaded, in Unix seconds.");
        lastReloadSuccess = factory.CreateGauge("rules_engine_last_reload_success", "1 when the last reload loaded every file whole, else 0.");
        loadErrors = factory.CreateGauge("rules_engine_rule_load_errors", "Errors of the last reload; files with errors keep their last good version.");
        var openIssues = factory.CreateGauge("rules_engine_open_issues", "Issues currently open.");

        Registry.AddBeforeCollectCallback(() => openIssues.Set(engine.Issues.Count(IssueStatus.Open)));
    }

    public CollectorRegistry Registry { get; }

    public void Observe(RuleRunReport report)
    {
        checks.WithLabels(report.Rule, report.Outcome.ToString().ToLowerInvariant()).Inc();
        checkDuration.WithLabels(report.Rule).Observe(report.Duration.TotalSeconds);
    }

    public void Observe(RespondSummary summary)
    {
        foreach (var action in summary.Actions)
        {
            actions.WithLabels(action.Responder, action.Outcome.ToString().ToLowerInvariant()).Inc();
        }
    }

    public void Observe(ReloadResult reload)
    {
        reloads.WithLabels(reload.Success ? "success" : "failure").Inc();
        lastReloadTime.Set(reload.At.ToUnixTimeMilliseconds() / 1000.0);
        lastReloadSuccess.Set(reload.Success ? 1 : 0);
        loadErrors.Set(reload.Errors.Count);
    }
}
