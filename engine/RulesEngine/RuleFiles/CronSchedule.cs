using NCrontab;

namespace RulesEngine.RuleFiles;

/// <summary>A parsed cron expression: 5 fields, or 6 when the first is seconds.</summary>
/// <param name="Expression">The text as written in the rule file.</param>
/// <param name="Crontab">The parsed schedule.</param>
public sealed record CronSchedule(string Expression, CrontabSchedule Crontab)
{
    public override string ToString() => Expression;
}
