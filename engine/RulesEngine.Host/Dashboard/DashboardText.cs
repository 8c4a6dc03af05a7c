using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using RulesEngine.Issues;

namespace RulesEngine.Host.Dashboard;

/// <summary>How the dashboard writes times, durations, counts and JSON: the same way on every page.</summary>
internal static class DashboardText
{
    // Razor encodes the text for HTML; the JSON only needs to read well, so nothing is escaped twice.
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Json(JsonNode? node) => node is null ? "null" : node.ToJsonString(Indented);

    /// <summary>A UTC time to the second, as the store keeps times: <c>2026-03-01 12:00:05 UTC</c>.</summary>
    public static string Utc(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>How long before <paramref name="now"/>: <c>just now</c>, <c>5 min ago</c>, <c>3 h ago</c>, <c>2 d ago</c>.</summary>
    public static string Ago(DateTimeOffset time, DateTimeOffset now)
    {
        var elapsed = now - time;
        return elapsed < TimeSpan.FromSeconds(5) ? "just now" : Span(elapsed) + " ago";
    }

    /// <summary>How long after <paramref name="now"/>: <c>in 40 s</c>, or <c>due</c> when already passed.</summary>
    public static string In(DateTimeOffset time, DateTimeOffset now) =>
        time <= now ? "due" : "in " + Span(time - now);

    /// <summary>A duration to a sensible unit: <c>12 ms</c>, <c>1.4 s</c>, <c>3 min</c>, <c>5 h</c>, <c>2 d</c>.</summary>
    public static string Duration(TimeSpan duration) => duration.TotalSeconds < 1
        ? $"{Math.Round(duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)} ms"
        : duration.TotalSeconds < 60
            ? $"{duration.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s"
            : Span(duration);

    public static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    public static string Status(IssueStatus status) => status == IssueStatus.WontFix ? "Won't fix" : status.ToString();

    private static string Span(TimeSpan span) => span.TotalSeconds < 60 ? $"{(int)span.TotalSeconds} s"
        : span.TotalMinutes < 60 ? $"{(int)span.TotalMinutes} min"
        : span.TotalHours < 48 ? $"{(int)span.TotalHours} h"
        : $"{(int)span.TotalDays} d";
}
