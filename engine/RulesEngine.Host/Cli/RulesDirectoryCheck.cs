namespace RulesEngine.Host.Cli;

/// <summary>
/// Checks, before anything is opened, that the rules directory a command or the sidecar is given is a directory. The
/// loader reports a missing directory as a load error of every reload; at start it is a mistake in the settings, and
/// a file given for the folder is the commonest one.
/// </summary>
internal static class RulesDirectoryCheck
{
    /// <param name="setting">How the operator sets it, for the message: <c>--rules</c>, or <c>Rules (--rules)</c>.</param>
    /// <returns>What is wrong, as a sentence naming the full path; null when the directory exists.</returns>
    public static string? Problem(string directory, string setting)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            return $"The rules directory is empty: give {setting} the folder that holds the rule files.";
        }

        var fullPath = Path.GetFullPath(directory);
        if (Directory.Exists(fullPath))
        {
            return null;
        }

        return File.Exists(fullPath)
            ? $"The rules directory '{fullPath}' is a file, not a directory: give {setting} the folder that holds the rule files, such as '{Path.GetDirectoryName(fullPath)}'."
            : $"The rules directory '{fullPath}' does not exist: create it, or give {setting} the folder that holds the rule files.";
    }
}
