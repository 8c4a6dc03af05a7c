using System.Text;

namespace RulesEngine.Responding;

/// <summary>
/// Reads a program's output to its end, keeping only the last characters: a chatty program cannot fill memory, and
/// the end of the output is where its error usually is.
/// </summary>
internal static class OutputTail
{
    /// <summary>Put before a tail whose start was cut.</summary>
    public const string Cut = "[...] ";

    public static async Task<string> ReadAsync(TextReader reader, int keep)
    {
        var text = new StringBuilder();
        var buffer = new char[4096];
        var cut = false;
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > 2 * keep)
            {
                text.Remove(0, text.Length - keep);
                cut = true;
            }
        }

        if (text.Length > keep)
        {
            text.Remove(0, text.Length - keep);
            cut = true;
        }

        return cut ? Cut + text : text.ToString();
    }
}
