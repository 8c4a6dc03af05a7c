using NCrontab;
using RulesEngine.RuleFiles;

namespace RulesEngine.Scheduling;

/// <summary>How the <see cref="EngineScheduler"/> paces rules and responders.</summary>
public sealed record SchedulerOptions
{
    /// <summary>The schedule of rules that set none. Default every minute (<c>* * * * *</c>).</summary>
    public CronSchedule DefaultSchedule { get; init; } = new("* * * * *", CrontabSchedule.Parse("* * * * *"));

    /// <summary>
    /// When true (the default), a rule runs as soon as it is loaded (at start, or when a reload adds it or changes its
    /// schedule) and then on its schedule; when false, it first runs at its schedule's next occurrence.
    /// </summary>
    public bool RunWhenLoaded { get; init; } = true;

    /// <summary>How often responders run when no check opened an issue. Default 15 seconds.</summary>
    public TimeSpan RespondInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long stopping waits for running checks and actions before abandoning them. Default 10 seconds.</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(10);
}
