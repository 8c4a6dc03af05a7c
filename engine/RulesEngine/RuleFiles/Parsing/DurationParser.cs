using System.Globalization;
using System.Text.RegularExpressions;

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// Reads the durations of <c>timeout</c> and <c>delay</c>: a number followed by a unit, <c>s</c> (seconds),
/// <c>m</c> (minutes), <c>h</c> (hours) or <c>d</c> (days), such as <c>30s</c>, <c>15m</c>, <c>4h</c>,
/// <c>2d</c>; numbers may have a fraction (<c>1.5h</c>); units may be combined, each once and largest first
/// (<c>1h30m</c>, <c>2d12h</c>); a bare number means seconds (<c>45</c>). No sign, no spaces, lower-case units.
/// </summary>
internal static partial class DurationParser
{
    public const string AcceptedForms =
        "a number and a unit s, m, h or d (30s, 15m, 1.5h, 2d), units combined largest first (1h30m), " +
        "or a bare number of seconds (45)";

    /// <summary>
    /// The longest <c>timeout</c>: .NET's timers and cancellation cannot wait past about 49.7 days, and a longer
    /// timeout made every run of its rule fail.
    /// </summary>
    public static readonly TimeSpan LongestTimeout = TimeSpan.FromDays(30);

    /// <summary>
    /// The longest <c>delay</c>, <c>repeat</c> and <c>retry_delay</c>: ten years. An issue's creation plus thousands
    /// of years is past the last date .NET can represent, and made every respond pass fail.
    /// </summary>
    public static readonly TimeSpan LongestDelay = TimeSpan.FromDays(3650);

    /// <summary>Parses a duration of any length a <see cref="TimeSpan"/> can hold.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        var seconds = Seconds(text);
        var fits = seconds is not null && seconds < TimeSpan.MaxValue.TotalSeconds;
        duration = fits ? TimeSpan.FromSeconds(seconds!.Value) : TimeSpan.Zero;
        return fits;
    }

    /// <summary>
    /// Reads a duration, reporting text that is not one, a negative one, zero when not allowed, and one longer than
    /// <paramref name="longest"/>.
    /// </summary>
    public static TimeSpan? Read(YamlNode node, string key, bool allowZero, TimeSpan longest, ErrorCollector errors)
    {
        var text = NodeReader.Text(node, key, "a duration", errors);
        if (text is null)
        {
            return null;
        }

        if (Seconds(text) is not { } seconds)
        {
            var problem = text.StartsWith('-') ? "a negative duration" : $"'{text}'";
            errors.Add(node.Start, $"expected a duration for '{key}': {AcceptedForms}; found {problem}");
            return null;
        }

        if (seconds > longest.TotalSeconds)
        {
            var days = longest.TotalDays.ToString("0.###", CultureInfo.InvariantCulture);
            errors.Add(node.Start, $"expected a duration of at most {days}d for '{key}', found '{text}', which is too large");
            return null;
        }

        if (!allowZero && seconds == 0)
        {
            errors.Add(node.Start, $"expected a duration above zero for '{key}', found '{text}'");
            return null;
        }

        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>The length in seconds of text in the duration grammar, however large; null for other text.</summary>
    private static double? Seconds(string text)
    {
        var match = Grammar().Match(text);
        if (!match.Success || match.Length == 0)
        {
            return null;
        }

        return Seconds(match, "bare", 1) + Seconds(match, "days", 86_400) + Seconds(match, "hours", 3_600)
            + Seconds(match, "minutes", 60) + Seconds(match, "seconds", 1);
    }

    private static double Seconds(Match match, string group, double secondsPerUnit) =>
        match.Groups[group].Success
            ? double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) * secondsPerUnit
            : 0;

    [GeneratedRegex(
        @"\A(?:(?<bare>\d+(?:\.\d+)?)|(?:(?<days>\d+(?:\.\d+)?)d)?(?:(?<hours>\d+(?:\.\d+)?)h)?" +
        @"(?:(?<minutes>\d+(?:\.\d+)?)m)?(?:(?<seconds>\d+(?:\.\d+)?)s)?)\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();
}
