using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace RulesEngine.RuleFiles;

/// <summary>
/// Decodes a rule file's bytes as strict UTF-8, after an optional byte order mark; UTF-16 and UTF-32 are read when
/// their byte order mark says so, as YAML allows (Windows PowerShell writes UTF-16). A byte that is not part of a
/// character is an error at its line and column, rather than a replacement character that would end up in a rule
/// name and the issues it opens. A NUL character is an error too: no text file holds one, and YamlDotNet reads it as
/// the end of the file ("found unexpected end of stream"), which points nowhere near the cause.
/// </summary>
internal static class RuleFileEncoding
{
    private static readonly byte[] Utf8Mark = [0xEF, 0xBB, 0xBF];

    /// <returns>The text, or null with <paramref name="error"/> saying where the first bad byte is.</returns>
    public static string? Decode(string path, byte[] bytes, out RuleError? error)
    {
        error = null;
        string? text;
        if (MarkedEncoding(bytes) is var (encoding, markLength))
        {
            text = DecodeMarked(path, bytes, encoding, markLength, out error);
        }
        else if (bytes.AsSpan().Contains((byte)0) && Utf16Order(bytes) is { } order)
        {
            // Before UTF-8 is tried: a non-ASCII character in UTF-16 would be reported as a bad UTF-8 byte instead.
            error = new RuleError(new SourceLocation(path, 1, 1), null, $"the file looks like UTF-16 ({order}) without " +
                "a byte order mark, as its NUL bytes alternate with the others; save the file as UTF-8");
            return null;
        }
        else
        {
            text = DecodeUtf8(path, bytes, out error);
        }

        if (text is not null && text.Contains('\0'))
        {
            var (line, column) = EndOf(text.AsSpan(0, text.IndexOf('\0')));
            error = new RuleError(new SourceLocation(path, line, column), null,
                "the file holds a NUL byte here, so it is not text; a rule file must be UTF-8 text");
            return null;
        }

        return text;
    }

    private static string? DecodeUtf8(string path, byte[] bytes, out RuleError? error)
    {
        error = null;
        var start = bytes.AsSpan().StartsWith(Utf8Mark) ? Utf8Mark.Length : 0;
        var body = bytes.AsSpan(start);

        // UTF-8 never takes fewer bytes than UTF-16 takes chars, so the buffer holds the whole text.
        var chars = new char[body.Length];
        var status = Utf8.ToUtf16(body, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status == OperationStatus.Done)
        {
            return new string(chars, 0, written);
        }

        var (line, column) = EndOf(chars.AsSpan(0, written));
        error = new RuleError(new SourceLocation(path, line, column), null,
            $"the file is not valid UTF-8: the byte 0x{body[read]:X2} at byte offset {start + read} is not part of a " +
            "UTF-8 character; save the file as UTF-8");
        return null;
    }

    private static (Encoding Encoding, int MarkLength)? MarkedEncoding(byte[] bytes) => bytes switch
    {
        [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), 4),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), 4),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2),
        _ => null,
    };

    private static string? DecodeMarked(string path, byte[] bytes, Encoding encoding, int markLength, out RuleError? error)
    {
        error = null;
        try
        {
            return encoding.GetString(bytes, markLength, bytes.Length - markLength);
        }
        catch (DecoderFallbackException exception)
        {
            error = new RuleError(new SourceLocation(path, 1, 1), null,
                $"the file is not valid {encoding.WebName.ToUpperInvariant()}, as its byte order mark says it is: " +
                $"{exception.Message}");
            return null;
        }
    }

    /// <summary>
    /// "little-endian" when, in the file's first 512 bytes, at least half the bytes at odd offsets are NUL and none at
    /// even ones; "big-endian" for the mirror image; else null. That is how UTF-16 writes mostly ASCII text, the usual
    /// content of a rule file; a NUL in UTF-8 text, or UTF-32, has NULs at both.
    /// </summary>
    private static string? Utf16Order(byte[] bytes)
    {
        var start = bytes.AsSpan(0, Math.Min(bytes.Length, 512) & ~1);
        var (evenNuls, oddNuls) = (0, 0);
        for (var i = 0; i < start.Length; i += 2)
        {
            evenNuls += start[i] == 0 ? 1 : 0;
            oddNuls += start[i + 1] == 0 ? 1 : 0;
        }

        var pairs = start.Length / 2;
        return (evenNuls, oddNuls) switch
        {
            (0, var odd) when pairs > 0 && odd * 2 >= pairs => "little-endian",
            (var even, 0) when pairs > 0 && even * 2 >= pairs => "big-endian",
            _ => null,
        };
    }

    /// <summary>The 1-based line and column just past the text, counting line breaks as YamlDotNet does.</summary>
    private static (int Line, int Column) EndOf(ReadOnlySpan<char> text)
    {
        var (line, column) = (1, 1);
        for (var i = 0; i < text.Length; i++)
        {
            var isBreak = text[i] is '\n' or '\u0085' or '\u2028' or '\u2029'
                || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'));
            (line, column) = isBreak ? (line + 1, 1) : (line, column + 1);
        }

        return (line, column);
    }
}
