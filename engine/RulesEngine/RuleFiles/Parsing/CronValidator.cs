using NCrontab;

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>Reads a <c>schedule</c>: a cron expression of 5 fields, or 6 with seconds first, that can fire.</summary>
internal static class CronValidator
{
    // NCrontab requires both the day of the month and the weekday to match when both are given, so
    // "0 0 29 2 1" (29 February on a Monday) fires only every 28 years or so; 28 years from 2000 cover every
    // weekday of 29 February, so anything silent over this window never fires. Checking it takes milliseconds.
    private static readonly DateTime WindowStart = new(2000, 1, 1);
    private static readonly DateTime WindowEnd = WindowStart.AddYears(28);

    private static readonly string[] FieldNames = ["minute", "hour", "day-of-month", "month", "day-of-week"];

    /// <param name="problem">Why the expression was refused, in words quoting it.</param>
    public static bool TryParse(string expression, out CronSchedule? schedule, out string problem)
    {
        schedule = null;
        var fields = expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is not (5 or 6))
        {
            problem = $"the cron expression '{expression}' has {Counted.Of(fields, "field")}; expected 5 " +
                "(minute hour day-of-month month day-of-week) or 6 (the same with seconds first)";
            return false;
        }

        if ((ZeroStep(expression) ?? FieldProblem(expression)) is { } fieldProblem)
        {
            problem = fieldProblem;
            return false;
        }

        var crontab = Parse(expression, fields == 6, out problem);
        if (crontab is null)
        {
            return false;
        }

        if (crontab.GetNextOccurrence(WindowStart, WindowEnd) >= WindowEnd)
        {
            problem = $"the cron expression '{expression}' never fires (no date matches all its fields)";
            return false;
        }

        schedule = new CronSchedule(expression, crontab);
        return true;
    }

    public static CronSchedule? Read(YamlNode node, ErrorCollector errors)
    {
        var expression = NodeReader.Text(node, "schedule", "a cron expression such as \"*/5 * * * *\"", errors);
        if (expression is null)
        {
            return null;
        }

        if (!TryParse(expression, out var schedule, out var problem))
        {
            errors.Add(node.Start, problem);
        }

        return schedule;
    }

    /// <summary>
    /// Why a field has a step of 0 (<c>*/0</c>), or null. NCrontab takes such a step as 1: <c>*/0 * * * *</c> would run
    /// every minute, which is not what anyone who wrote it meant.
    /// </summary>
    private static string? ZeroStep(string expression)
    {
        var fields = expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var names = fields.Length == 6 ? ["second", .. FieldNames] : FieldNames;
        for (var i = 0; i < fields.Length; i++)
        {
            var steps = fields[i].Split(',').Where(part => part.Contains('/')).Select(part => part[(part.IndexOf('/') + 1)..]);
            if (steps.Any(step => step.Length > 0 && step.All(digit => digit == '0')))
            {
                return $"the cron expression '{expression}' has a step of 0 in its {names[i]} field ('{fields[i]}'); " +
                    "a step after '/' must be 1 or more";
            }
        }

        return null;
    }

    /// <summary>
    /// Why a field holds a range that runs backwards (<c>1-0</c>, which NCrontab reads as its first number alone) or a
    /// weekday 7 (Sunday in some crons, refused by NCrontab with a message about its range), or null.
    /// </summary>
    private static string? FieldProblem(string expression)
    {
        var fields = expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var names = fields.Length == 6 ? ["second", .. FieldNames] : FieldNames;
        for (var i = 0; i < fields.Length; i++)
        {
            foreach (var part in fields[i].Split(',').Select(part => part.Split('/')[0]))
            {
                var bounds = part.Split('-');
                if (bounds.Length == 2 && int.TryParse(bounds[0], out var low) && int.TryParse(bounds[1], out var high) && low > high)
                {
                    return $"the cron expression '{expression}' has the range '{part}' in its {names[i]} field, which runs " +
                        "backwards; write the smaller number first, or two ranges joined by ','";
                }

                if (names[i] == "day-of-week" && bounds.Contains("7"))
                {
                    return $"the cron expression '{expression}' has the weekday 7 in its day-of-week field; weekdays are 0 " +
                        "(Sunday) to 6 (Saturday), so write Sunday as 0";
                }
            }
        }

        return null;
    }

    private static CrontabSchedule? Parse(string expression, bool includingSeconds, out string problem)
    {
        problem = "";
        try
        {
            var options = new CrontabSchedule.ParseOptions { IncludingSeconds = includingSeconds };
            return CrontabSchedule.Parse(expression, options);
        }
        catch (Exception exception) when (exception is CrontabException or OverflowException or FormatException)
        {
            problem = $"invalid cron expression '{expression}': {exception.Message}";
            return null;
        }
    }
}
