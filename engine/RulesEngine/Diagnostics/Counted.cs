using System.Globalization;

namespace RulesEngine;

/// <summary>A count with its noun in the right number, for what the engine logs and the commands print: "1 error", "2 errors".</summary>
internal static class Counted
{
    /// <param name="plural">The plural when it is not the singular with an s: "1 match", "2 matches".</param>
    /// <param name="format">How to write the count: "N0" for "1,024 pages".</param>
    public static string Of(long count, string singular, string? plural = null, string? format = null) =>
        $"{count.ToString(format, CultureInfo.InvariantCulture)} {(count == 1 ? singular : plural ?? singular + "s")}";
}
