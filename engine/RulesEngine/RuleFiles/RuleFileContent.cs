namespace RulesEngine.RuleFiles;

/// <summary>
/// Reads rule files for everything that opens or hashes them (the loader, the parser, the watcher's poll): only a
/// regular file (or a symbolic link to one) is opened, and its text must be strict UTF-8 (<see cref="RuleFileEncoding"/>).
/// Anything else is one error of the file, at its line 1 or at the first bad byte.
/// </summary>
internal static class RuleFileContent
{
    /// <returns>The text, or null with <paramref name="error"/> saying why there is none.</returns>
    public static string? Read(string path, out RuleError? error)
    {
        var bytes = ReadBytes(path, out error);
        return bytes is null ? null : RuleFileEncoding.Decode(path, bytes, out error);
    }

    /// <returns>The file's bytes, or null with <paramref name="error"/> saying why there are none.</returns>
    public static byte[]? ReadBytes(string path, out RuleError? error)
    {
        error = null;
        if (FileKind.DescribeIfNotRegular(path) is { } kind)
        {
            error = AtStart(path, $"not a regular file: it is {kind}, and was not opened; a rule file must be a " +
                "regular file or a symbolic link to one");
            return null;
        }

        try
        {
            // When the kind could not be told, a FIFO or a device still reports length 0 and is never opened; an empty
            // regular file reads as nothing either way.
            return Length(path) == 0 ? [] : File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException
            or NotSupportedException or System.Security.SecurityException)
        {
            error = AtStart(path, $"cannot read the rule file: {exception.Message}");
            return null;
        }
    }

    /// <summary>The length of what a path leads to, following symbolic links: a link's own length is its target's name.</summary>
    private static long Length(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is null
            ? info.Length
            : ((info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo) ?? info).Length;
    }

    private static RuleError AtStart(string path, string message) => new(new SourceLocation(path, 1, 1), null, message);
}
