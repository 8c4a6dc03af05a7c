using RulesEngine.Checking;
using RulesEngine.Compilation;
using RulesEngine.RuleFiles;

namespace RulesEngine.Scheduling;

/// <summary>
/// One assertion or model assertion under the scheduler, with its state across reloads. Every field is read and
/// written under the scheduler's lock; only <see cref="Run"/> executes outside it.
/// </summary>
internal sealed class ScheduledRule(string name, RuleKind kind)
{
    public string Name { get; } = name;

    public RuleKind Kind { get; } = kind;

    /// <summary>The compiled file the current version comes from; a new instance means the file was recompiled.</summary>
    public required CompiledRuleFile Compiled { get; set; }

    public string File => Compiled.Path;

    public required CronSchedule Schedule { get; set; }

    public required TimeZoneInfo Zone { get; set; }

    /// <summary>Runs the rule's current compiled version; replaced on reload.</summary>
    public required Func<CancellationToken, Task<RuleRunReport>> Run { get; set; }

    public DateTimeOffset? NextRun { get; set; }

    public Task? Running { get; set; }

    /// <summary>The run whose overlap was last logged, so a long run logs one warning, not one per occurrence.</summary>
    public Task? LastSkippedRun { get; set; }

    public RuleRunReport? LastRun { get; set; }

    public long Runs { get; set; }

    public long Failures { get; set; }

    public long Errors { get; set; }

    public long SkippedOverlaps { get; set; }

    public bool SameTiming(CronSchedule schedule, TimeZoneInfo zone) =>
        Schedule.Expression == schedule.Expression && Zone.Id == zone.Id;

    public RuleStatus Status() => new()
    {
        Name = Name,
        Kind = Kind,
        File = File,
        Schedule = Schedule.Expression,
        TimeZone = Zone.Id,
        NextRun = NextRun,
        Running = Running is { IsCompleted: false },
        LastRun = LastRun,
        Runs = Runs,
        Failures = Failures,
        Errors = Errors,
        SkippedOverlaps = SkippedOverlaps,
    };
}
