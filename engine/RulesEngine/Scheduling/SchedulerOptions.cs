using NCrontab;
using RulesEngine.RuleFiles;

namespace RulesEngine.Scheduling;

/// <summary>How the <see cref="EngineScheduler"/> paces rules and responders.</summary>
public sealed record SchedulerOptions
{
    /// <summary>The schedule of rules that set none. Default every minute (<c>* * * * *</c>).</summary>
    public CronSchedule DefaultSchedule { get; init; } = new("* * * * *", CrontabSchedule.Parse("* * * * *"));

    /// <summary>How often responders run when no check opened an issue. Default 15 seconds.</summary>
    public TimeSpan RespondInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long stopping waits for running checks and actions before abandoning them. Default 10 seconds.</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(10);
}
