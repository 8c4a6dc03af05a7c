using RulesEngine.Issues;

namespace RulesEngine.Host.Dashboard;

/// <summary>
/// Everything known to have happened to an issue, oldest first: its opening, each action run, when a check last
/// reported it, and its resolution.
/// </summary>
/// <remarks>
/// The store keeps an issue's creation, last-seen and last resolution times, not a record of every status change: a
/// reopened issue shows no earlier resolution, and marking won't-fix has no time. The timeline shows what is kept.
/// </remarks>
internal static class IssueTimeline
{
    public static IReadOnlyList<TimelineEntry> Of(Issue issue)
    {
        var entries = new List<TimelineEntry> { new(issue.CreatedAt, "Opened", Note: Opened(issue)) };
        entries.AddRange(issue.Actions.Select(Run));
        if (issue.LastSeenAt > issue.CreatedAt && issue.Status == IssueStatus.Open)
        {
            entries.Add(new(issue.LastSeenAt, "Reported again", Note: "the latest report; its details are the issue's"));
        }

        if (issue.ResolvedAt is { } resolvedAt)
        {
            entries.Add(new(resolvedAt, "Resolved", Note: issue.Resolution));
        }

        var ordered = entries.OrderBy(entry => entry.At).ToList();
        if (issue.Status == IssueStatus.WontFix)
        {
            ordered.Add(new(null, "Marked won't fix", Note: "the store does not keep when"));
        }

        return ordered;
    }

    private static string? Opened(Issue issue) => issue.Record is { } record
        ? $"about record {record.Key}" + (record.Source.Length > 0 ? $" from {record.Source}" : "")
        : null;

    private static TimelineEntry Run(ActionRun run)
    {
        var attempt = run.Attempt > 1 ? $", attempt {run.Attempt}" : "";
        var took = run.CompletedAt is { } completed ? $"took {DashboardText.Duration(completed - run.StartedAt)}" : "has not completed";
        return new TimelineEntry(
            run.StartedAt,
            $"{run.Action} (responder {run.Responder}{attempt})",
            run.Outcome.ToString(),
            took,
            run.Details is null ? null : DashboardText.Json(run.Details));
    }
}
