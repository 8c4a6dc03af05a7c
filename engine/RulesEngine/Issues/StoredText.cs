using System.Globalization;
using System.Text;

namespace RulesEngine.Issues;

/// <summary>
/// What the store keeps as text: UTF-16 that converts to UTF-8. A lone surrogate (half of a pair, such as a JSON
/// <c>"\ud800"</c>) does not: LiteDB would fail on it with an <see cref="EncoderFallbackException"/> halfway through a
/// write, which reads as a failure of the store rather than of the text given to it.
/// </summary>
internal static class StoredText
{
    /// <summary>Why <paramref name="text"/> cannot be kept, or null when it can.</summary>
    /// <param name="subject">How the message names the text, such as "the resolution".</param>
    public static string? Problem(string? text, string subject)
    {
        if (text is null || LoneSurrogateAt(text) is not { } position)
        {
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{subject} {Quote(text)} holds a lone UTF-16 surrogate (U+{(int)text[position]:X4}) at position {position + 1}, which is not text");
    }

    /// <summary>The index of the first surrogate that is not half of a well-formed pair, or null when there is none.</summary>
    public static int? LoneSurrogateAt(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i]))
            {
                continue;
            }

            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            return i;
        }

        return null;
    }

    /// <summary>The text quoted for a message, its lone surrogates written as <c>\uXXXX</c> so the message itself converts.</summary>
    private static string Quote(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped.Append(text, i++, 2);
            }
            else if (char.IsSurrogate(text[i]))
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)text[i]:x4}");
            }
            else
            {
                escaped.Append(text[i]);
            }
        }

        return IssueKeyRules.Quote(escaped.ToString());
    }
}
