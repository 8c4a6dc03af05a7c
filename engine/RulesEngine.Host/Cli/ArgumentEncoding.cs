using System.Text;

namespace RulesEngine.Host.Cli;

/// <summary>
/// Finds a command-line argument that is not UTF-8. .NET decodes such bytes (a Latin-1 "é" from an old terminal, say)
/// as U+FFFD, the replacement character, and the argument would be kept with it: an issue name that no later command
/// could type. The raw bytes are read from <c>/proc/self/cmdline</c>, so that a U+FFFD typed on purpose is kept;
/// where that file does not exist, nothing is checked.
/// </summary>
internal static class ArgumentEncoding
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A message naming the first argument that is not UTF-8, or null when every one is.</summary>
    public static string? Problem(string commandLineFile = "/proc/self/cmdline")
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(commandLineFile);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // The arguments, the program's own path first, each ended by a NUL byte.
        var start = 0;
        for (var end = Array.IndexOf(bytes, (byte)0); end >= 0; start = end + 1, end = Array.IndexOf(bytes, (byte)0, start))
        {
            var argument = bytes.AsSpan(start, end - start);
            try
            {
                Strict.GetCharCount(argument);
            }
            catch (DecoderFallbackException)
            {
                var shown = Encoding.UTF8.GetString(argument);
                return $"The argument '{shown}' is not UTF-8 text: the bytes in it that are not UTF-8 show here as U+FFFD (\uFFFD). "
                    + "Set the terminal or the script to UTF-8 (LANG=C.UTF-8, say) and run the command again.";
            }
        }

        return null;
    }
}
