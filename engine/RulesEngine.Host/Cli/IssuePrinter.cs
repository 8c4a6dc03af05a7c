using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using RulesEngine.Issues;

namespace RulesEngine.Host.Cli;

/// <summary>Issues as text for people.</summary>
internal static class IssuePrinter
{
    // Text for a terminal, not for a browser or a script: an apostrophe is printed as one, not as \u0027.
    private static readonly JsonSerializerOptions ReadableJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void PrintList(IReadOnlyList<Issue> issues)
    {
        foreach (var issue in issues)
        {
            var record = issue.Record is null ? "" : $" [{issue.Record.Key}]";
            Console.WriteLine($"{issue.Id,6}  {issue.Status,-8}  {Time(issue.CreatedAt)}  {issue.Name}{record}  ({Counted.Of(issue.Actions.Count, "action run")})");
        }

        Console.WriteLine(Counted.Of(issues.Count, "issue"));
    }

    public static void PrintOne(Issue issue)
    {
        Console.WriteLine($"Issue {issue.Id}: {issue.Name}");
        Console.WriteLine($"  status:     {issue.Status}");
        if (issue.Record is not null)
        {
            Console.WriteLine($"  record:     {issue.Record.Key} (from {issue.Record.Source})");
        }

        Console.WriteLine($"  created:    {Time(issue.CreatedAt)}");
        Console.WriteLine($"  last seen:  {Time(issue.LastSeenAt)}");
        if (issue.ResolvedAt is { } resolvedAt)
        {
            Console.WriteLine($"  resolved:   {Time(resolvedAt)} ({issue.Resolution})");
        }

        Console.WriteLine($"  details:    {issue.Details?.ToJsonString(ReadableJson) ?? "none"}");
        Console.WriteLine($"  actions:    {issue.Actions.Count}");
        foreach (var run in issue.Actions)
        {
            Console.WriteLine($"    {Time(run.StartedAt)}  {run.Outcome,-9}  {run.Responder} / {run.Action} (attempt {run.Attempt})  {run.Details?.ToJsonString(ReadableJson)}");
        }
    }

    private static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
