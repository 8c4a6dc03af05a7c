using System.Buffers;
using System.Globalization;
using System.Text;

namespace RulesEngine.Issues;

/// <summary>
/// What the store keeps as an issue name, a record key and a heartbeat name. Rule files, the API, the command line
/// and the library all go through these rules, so that what one of them accepts, every other one does too.
/// </summary>
public static class IssueKeyRules
{
    /// <summary>
    /// The longest issue or heartbeat name, in UTF-8 bytes. LiteDB 5 refuses to index a value longer than 1,023 bytes
    /// (its own type and length bytes included), and the store indexes names three ways: alone (and as a heartbeat's
    /// id), followed by an issue's id on 19 digits (<c>IssueFields.NameOrder</c>), and followed by a separator and the
    /// record key (<c>IssueFields.UnresolvedKey</c>). The last is the longest: at most
    /// 256 + 1 + <see cref="MaxRecordKeyBytes"/> + 2 = 771 bytes, which leaves about 250 bytes spare should an index's
    /// expression grow.
    /// </summary>
    public const int MaxNameBytes = 256;

    /// <summary>
    /// The longest record key, in UTF-8 bytes: room for a URL, a path or a composite key, within the bound that
    /// <see cref="MaxNameBytes"/> explains. A model assertion reports and skips a record whose key is longer.
    /// </summary>
    public const int MaxRecordKeyBytes = 512;

    // A UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair, two units, is 4): texts this short fit
    // without being measured, which spares a model pass the count for nearly every key.
    private const int MaxBytesPerChar = 3;

    /// <summary>
    /// What ends a line of text: the characters <see cref="char.IsControl(char)"/> calls control characters (U+0000 to
    /// U+001F, U+007F to U+009F: a tab, a line feed, NEL), and the line and paragraph separators U+2028 and U+2029
    /// (Unicode categories Zl and Zp, which hold nothing else), which editors, browsers and JavaScript break lines at.
    /// </summary>
    private static readonly SearchValues<char> LineBreaking = SearchValues.Create(
    [
        .. Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7f, 0x21)).Select(code => (char)code),
        '\u2028',
        '\u2029',
    ]);

    private static readonly SearchValues<char> BidiControls = SearchValues.Create(
        "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    /// <summary>
    /// Why <paramref name="name"/> cannot be kept, or null when it can: it is blank, holds a control character or a
    /// line or paragraph separator (a name is one line of text), starts or ends with white space, holds a bidirectional
    /// control character, or is longer than <see cref="MaxNameBytes"/>.
    /// </summary>
    /// <param name="subject">How the message names what it is about, such as "the name" or "the heartbeat name".</param>
    internal static string? NameProblem(string? name, string subject)
    {
        var text = name ?? "";
        if (Blankness(text) is { } blank)
        {
            return $"{subject} is {blank}; a name needs some text";
        }

        return LineBreakProblem(text, subject, "a name is one line of text")
            ?? EdgeSpaceProblem(text, subject)
            ?? BidiProblem(text, subject)
            ?? StoredText.Problem(text, subject)
            ?? LengthProblem(text, subject, MaxNameBytes, "a name");
    }

    // "disk full " and "disk full" would be two rules, two issues and two heartbeats that read the same in every list;
    // " 42" and "42", two records.
    private static string? EdgeSpaceProblem(string name, string subject) =>
        char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[^1])
            ? $"{subject} {Quote(name)} {(char.IsWhiteSpace(name[0]) ? "starts" : "ends")} with white space, which no list would show; remove it"
            : null;

    /// <summary>
    /// A character that reorders how the text around it is shown (U+202A to U+202E, U+2066 to U+2069): a name holding one
    /// reads differently from what it is, in every list and log.
    /// </summary>
    private static string? BidiProblem(string name, string subject)
    {
        var position = name.AsSpan().IndexOfAny(BidiControls);
        return position < 0 ? null : string.Create(CultureInfo.InvariantCulture,
            $"{subject} {Quote(name)} holds a bidirectional control character (U+{(int)name[position]:X4}) at position {position + 1}, which shows the name in another order than it is written");
    }

    /// <summary>
    /// Why <paramref name="key"/> cannot be kept as a record key given to the store by a person or a program (the API,
    /// the command line, the library), or null when it can: it is blank, holds a control character, a line or
    /// paragraph separator or a lone surrogate, starts or ends with white space, or is longer than
    /// <see cref="MaxRecordKeyBytes"/>. A blank key would
    /// make an issue apart from the one without a record that reads the same in every list.
    /// </summary>
    internal static string? RecordKeyProblem(string key, string subject) =>
        BlankProblem(key, subject)
        ?? LineBreakProblem(key, subject, "a record key is one line of text")
        ?? EdgeSpaceProblem(key, subject)
        ?? StoredText.Problem(key, subject)
        ?? LengthProblem(key, subject, MaxRecordKeyBytes, "a record key");

    /// <summary>Whether a record key is at most <see cref="MaxRecordKeyBytes"/> long: what a model pass checks.</summary>
    internal static bool FitsRecordKey(string key) =>
        key.Length <= MaxRecordKeyBytes / MaxBytesPerChar || Encoding.UTF8.GetByteCount(key) <= MaxRecordKeyBytes;

    /// <summary>
    /// The text as quoted in a message: control characters and line and paragraph separators escaped, so the message
    /// stays on one line, and a long text cut after its first 40 characters.
    /// </summary>
    internal static string Quote(string text)
    {
        const int Shown = 40;
        var shown = text.Length > Shown + 10 ? text[..Shown] : text;
        var quoted = new StringBuilder("'");
        foreach (var character in shown)
        {
            quoted.Append(LineBreaking.Contains(character) ? Escape(character) : character.ToString());
        }

        quoted.Append('\'');
        return shown.Length < text.Length ? quoted.Append($" (cut; {text.Length:N0} characters)").ToString() : quoted.ToString();
    }

    internal static void ThrowIfInvalidName(string? name, string subject)
    {
        if (NameProblem(name, subject) is { } problem)
        {
            throw new InvalidKeyException(Sentence(problem));
        }
    }

    internal static void ThrowIfInvalidRecordKey(string key, string subject)
    {
        if (RecordKeyProblem(key, subject) is { } problem)
        {
            throw new InvalidKeyException(Sentence(problem));
        }
    }

    /// <summary>What a model pass's record keys must be: the source's data, kept as it is when the store can keep it.</summary>
    internal static void ThrowIfUnstorableRecordKey(string key, string subject)
    {
        if ((StoredText.Problem(key, subject) ?? LengthProblem(key, subject, MaxRecordKeyBytes, "a record key")) is { } problem)
        {
            throw new InvalidKeyException(Sentence(problem));
        }
    }

    private static string? BlankProblem(string key, string subject) => Blankness(key) is { } blank
        ? $"{subject} is {blank}; give the record's key, or none for an issue about no record"
        : null;

    /// <summary>
    /// How <paramref name="text"/> shows nothing, or null when it shows something: it is empty, only white space, or
    /// white space and invisible format characters (Unicode category Cf: U+200B zero width space, U+FEFF byte order
    /// mark, U+2060 word joiner...), which read the same as no name in every list.
    /// </summary>
    private static string? Blankness(string text)
    {
        if (text.Length == 0)
        {
            return "empty";
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return "only white space";
        }

        return text.All(character => char.IsWhiteSpace(character)
                || char.GetUnicodeCategory(character) == UnicodeCategory.Format)
            ? "only white space and invisible characters"
            : null;
    }

    private static string? LineBreakProblem(string text, string subject, string why)
    {
        var position = text.AsSpan().IndexOfAny(LineBreaking);
        if (position < 0)
        {
            return null;
        }

        var found = char.GetUnicodeCategory(text[position]) switch
        {
            UnicodeCategory.LineSeparator => "a line separator (U+2028)",
            UnicodeCategory.ParagraphSeparator => "a paragraph separator (U+2029)",
            _ => "a control character (a tab or a line break, say)",
        };
        return $"{subject} {Quote(text)} holds {found} at position {position + 1}; {why}";
    }

    private static string? LengthProblem(string text, string subject, int maxBytes, string what)
    {
        if (text.Length <= maxBytes / MaxBytesPerChar)
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetByteCount(text);
        return bytes <= maxBytes
            ? null
            : $"{subject} {Quote(text)} is {bytes:N0} bytes long in UTF-8; {what} is at most {maxBytes} bytes, " +
                "so that the issue store can index it";
    }

    private static string Escape(char character) => character switch
    {
        '\t' => "\\t",
        '\n' => "\\n",
        '\r' => "\\r",
        '\0' => "\\0",
        _ => "\\u" + ((int)character).ToString("x4", CultureInfo.InvariantCulture),
    };

    private static string Sentence(string problem) => char.ToUpperInvariant(problem[0]) + problem[1..] + ".";
}
