using Microsoft.Extensions.Logging;
using RulesEngine.Checking;
using RulesEngine.Compilation;
using RulesEngine.Loading;
using RulesEngine.Responding;
using RulesEngine.RuleFiles;

namespace RulesEngine.Scheduling;

/// <summary>
/// Runs each assertion and model assertion on its own schedule and the responders on theirs, for as long as the
/// engine lives: what the sidecar is. A rule's run never overlaps its previous run (the occurrence is skipped and
/// counted), and a slow rule delays no other. After a stall (a sleeping machine, a paused process) a rule runs
/// once and continues on schedule: missed occurrences are not replayed. Responders run every
/// <see cref="SchedulerOptions.RespondInterval"/>, and at once after a check opens an issue.
/// </summary>
public sealed class EngineScheduler
{
    private readonly Engine engine;
    private readonly SchedulerOptions options;
    private readonly TimeProvider time;
    private readonly ILogger log;
    private readonly Lock gate = new();
    private readonly Dictionary<string, ScheduledRule> rules = new(StringComparer.Ordinal);
    // Cancelled only when the shutdown grace has run out: stopping ends scheduling at once, but the runs in progress
    // keep their token, and so their chance to finish, until then.
    private readonly CancellationTokenSource abandon = new();
    private TaskCompletionSource wake = NewSignal();
    private TaskCompletionSource respondNow = NewSignal();

    public EngineScheduler(Engine engine, SchedulerOptions options)
    {
        this.engine = engine;
        this.options = options;
        time = engine.Options.TimeProvider;
        log = engine.Options.LoggerFactory.CreateLogger<EngineScheduler>();
        Apply(engine.Rules);
    }

    /// <summary>Raised after every rule run, on the run's thread. Handlers must be quick and must not throw.</summary>
    public event Action<RuleRunReport>? RuleRan;

    /// <summary>Raised after every respond pass.</summary>
    public event Action<RespondSummary>? Responded;

    /// <summary>The last respond pass, or null before the first.</summary>
    public RespondSummary? LastRespond { get; private set; }

    /// <summary>
    /// Takes a (re)loaded rule set: rules whose schedule and time zone did not change keep their next run and
    /// their history; new rules are scheduled from now; rules no longer loaded stop (a run in progress finishes).
    /// </summary>
    public void Apply(RuleSet set)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            var loaded = new HashSet<string>(StringComparer.Ordinal);
            foreach (var assertion in set.Assertions)
            {
                loaded.Add(assertion.Name);
                Upsert(assertion.Definition, RuleKind.Assertion, assertion.File, token => engine.RunAsync(assertion, token), now);
            }

            foreach (var model in set.ModelAssertions)
            {
                loaded.Add(model.Name);
                Upsert(model.Definition, RuleKind.ModelAssertion, model.File, token => engine.RunAsync(model, token), now);
            }

            foreach (var gone in rules.Keys.Where(name => !loaded.Contains(name)).ToList())
            {
                rules.Remove(gone);
            }

            wake.TrySetResult();
        }
    }

    /// <summary>Asks for a respond pass now rather than at the next interval.</summary>
    public void RespondSoon()
    {
        lock (gate)
        {
            respondNow.TrySetResult();
        }
    }

    public IReadOnlyList<RuleStatus> Status()
    {
        lock (gate)
        {
            return rules.Values.Select(rule => rule.Status()).OrderBy(status => status.Name, StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>
    /// Runs until <paramref name="stop"/> is signalled, then waits up to the shutdown grace for the checks and the
    /// respond pass in progress; runs still going after that are abandoned (their threads cannot be stopped).
    /// </summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var responding = RespondLoopAsync(stop);
        try
        {
            await CheckLoopAsync(stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        await DrainAsync(responding).ConfigureAwait(false);
    }

    private void Upsert(
        AssertionDefinition definition, RuleKind kind, CompiledRuleFile file, Func<CancellationToken, Task<RuleRunReport>> run, DateTimeOffset now)
    {
        var schedule = definition.Schedule ?? options.DefaultSchedule;
        var zone = definition.TimeZone ?? TimeZoneInfo.Utc;
        var firstRun = options.RunWhenLoaded ? now : CronTimeline.Next(schedule.Crontab, zone, now);
        if (rules.TryGetValue(definition.Name, out var existing) && existing.Kind == kind && existing.SameTiming(schedule, zone))
        {
            // A recompiled file may have changed the rule's code: its new version runs now, as a new rule would.
            if (!ReferenceEquals(existing.Compiled, file))
            {
                existing.NextRun = firstRun;
            }

            existing.Compiled = file;
            existing.Run = run;
            return;
        }

        rules[definition.Name] = new ScheduledRule(definition.Name, kind)
        {
            Compiled = file,
            Schedule = schedule,
            Zone = zone,
            Run = run,
            NextRun = firstRun,

            // A run of the previous version still going keeps the new one from overlapping it.
            Running = existing?.Running,
            LastRun = existing?.LastRun,
            Runs = existing?.Runs ?? 0,
            Failures = existing?.Failures ?? 0,
            Errors = existing?.Errors ?? 0,
            SkippedOverlaps = existing?.SkippedOverlaps ?? 0,
        };
    }

    private async Task CheckLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Task signal;
            DateTimeOffset? earliest;
            lock (gate)
            {
                earliest = StartDueRules();
                signal = wake.Task;
                if (signal.IsCompleted)
                {
                    wake = NewSignal();
                    continue;
                }
            }

            await WaitAsync(signal, earliest, stop).ConfigureAwait(false);
        }
    }

    /// <summary>Starts the rules that are due and returns the earliest next run. Called under the lock.</summary>
    private DateTimeOffset? StartDueRules()
    {
        var now = time.GetUtcNow();
        DateTimeOffset? earliest = null;
        foreach (var rule in rules.Values)
        {
            if (rule.NextRun <= now)
            {
                if (rule.Running is { IsCompleted: false })
                {
                    // The first skip of a streak is a warning; the rest are counted in the rule's status.
                    if (rule.SkippedOverlaps++ == 0 || rule.Running != rule.LastSkippedRun)
                    {
                        log.LogWarning(EngineEvents.RunSkipped, "Rule '{Rule}' is still running; its runs are skipped until it ends", rule.Name);
                    }

                    rule.LastSkippedRun = rule.Running;
                }
                else
                {
                    rule.Running = RunRuleAsync(rule);
                }

                // From now, not from the missed time: after a stall the rule runs once, then keeps its schedule.
                rule.NextRun = CronTimeline.Next(rule.Schedule.Crontab, rule.Zone, now);
            }

            if (rule.NextRun is { } next && (earliest is null || next < earliest))
            {
                earliest = next;
            }
        }

        return earliest;
    }

    private async Task WaitAsync(Task signal, DateTimeOffset? until, CancellationToken stop)
    {
        // Wakes at least every minute, so that a clock jump is noticed even when no rule is due for a long time.
        var delay = until is { } due ? due - time.GetUtcNow() : TimeSpan.FromMinutes(1);
        delay = TimeSpan.FromTicks(Math.Clamp(delay.Ticks, 0, TimeSpan.FromMinutes(1).Ticks));
        using var cancelDelay = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var sleeping = Task.Delay(delay, time, cancelDelay.Token);
        await Task.WhenAny(sleeping, signal).ConfigureAwait(false);
        await cancelDelay.CancelAsync().ConfigureAwait(false);
        stop.ThrowIfCancellationRequested();
    }

    private async Task RunRuleAsync(ScheduledRule rule)
    {
        var token = abandon.Token;
        Func<CancellationToken, Task<RuleRunReport>> run;
        lock (gate)
        {
            run = rule.Run;
        }

        RuleRunReport report;
        try
        {
            report = await Task.Run(() => run(token), token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return;
        }

        lock (gate)
        {
            rule.LastRun = report;
            if (report.Outcome == RuleOutcome.Skipped)
            {
                // Its abandoned run is still going: this occurrence was not run, as when the scheduler skips one.
                rule.SkippedOverlaps++;
            }
            else
            {
                rule.Runs++;
                rule.Failures += report.Outcome == RuleOutcome.Failed ? 1 : 0;
                rule.Errors += report.Outcome == RuleOutcome.Error ? 1 : 0;
            }
        }

        RuleRan?.Invoke(report);
        if (report.IssuesOpened > 0)
        {
            RespondSoon();
        }
    }

    private async Task RespondLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await RespondOnceAsync(abandon.Token).ConfigureAwait(false);

            Task signal;
            lock (gate)
            {
                signal = respondNow.Task;
            }

            using var cancelDelay = CancellationTokenSource.CreateLinkedTokenSource(stop);
            await Task.WhenAny(Task.Delay(options.RespondInterval, time, cancelDelay.Token), signal).ConfigureAwait(false);
            await cancelDelay.CancelAsync().ConfigureAwait(false);
            lock (gate)
            {
                if (respondNow.Task.IsCompleted)
                {
                    respondNow = NewSignal();
                }
            }
        }
    }

    private async Task RespondOnceAsync(CancellationToken stop)
    {
        try
        {
            var summary = await engine.RespondAsync(stop).ConfigureAwait(false);
            LastRespond = summary;
            Responded?.Invoke(summary);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            // The store failing (a full disk) must not end the loop: the next pass tries again.
            log.LogError(EngineEvents.RespondPassFailed, exception, "The respond pass failed");
        }
    }

    private async Task DrainAsync(Task responding)
    {
        Task[] running;
        ScheduledRule[] scheduled;
        lock (gate)
        {
            scheduled = rules.Values.ToArray();
            running = scheduled.Select(rule => rule.Running).OfType<Task>().Append(responding).ToArray();
        }

        try
        {
            await Task.WhenAll(running).WaitAsync(options.ShutdownGrace, time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var still = scheduled.Where(rule => rule.Running is { IsCompleted: false }).Select(rule => $"'{rule.Name}'").ToList();
            log.LogWarning(EngineEvents.ShutdownAbandoned, "Stopped with runs still going after the grace of {GraceSeconds} s: {Running}",
                options.ShutdownGrace.TotalSeconds,
                still.Count == 0 ? "the respond pass" : string.Join(", ", still) + (responding.IsCompleted ? "" : ", and the respond pass"));
        }
        finally
        {
            await abandon.CancelAsync().ConfigureAwait(false);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
