using RulesEngine.RuleFiles;

namespace RulesEngine.Issues;

/// <summary>Opening a store: the checks that refuse a path before anything is created or written beside it.</summary>
public sealed partial class IssueStore
{
    /// <summary>
    /// Opens the store at <paramref name="path"/>, creating the file and its folder when missing. The lock file is
    /// <c>&lt;path&gt;.lock</c>; the description of the process holding it is also in <c>&lt;path&gt;.holder</c>. A
    /// symbolic link is followed to its final target, and the store is that file: its lock and LiteDB's log file are
    /// beside it, so a process opening the link and one opening the target share one lock.
    /// </summary>
    /// <param name="timeProvider">The clock for every time the store records; the system clock when null.</param>
    /// <exception cref="StoreLockedException">Another store, in this process or another, has the file open.</exception>
    /// <exception cref="StoreDamagedException">The file is a LiteDB file that cannot be read; it is left as found.</exception>
    /// <exception cref="IOException">The path is a directory or not a store, or the file or its folder cannot be
    /// created, read or written (permissions, a read-only file system); the message names the path.</exception>
    public static IssueStore Open(string path, TimeProvider? timeProvider = null) => OpenPath(path, timeProvider, create: true);

    /// <summary>
    /// Opens the store at <paramref name="path"/> as <see cref="Open"/> does, but only when it exists: for what reads or
    /// changes the issues already recorded, where a mistyped path must not become a new, empty store.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no store file at the path, or it is empty; nothing was created.</exception>
    /// <exception cref="StoreLockedException">Another store, in this process or another, has the file open.</exception>
    /// <exception cref="StoreDamagedException">The file is a LiteDB file that cannot be read; it is left as found.</exception>
    /// <exception cref="IOException">As for <see cref="Open"/>.</exception>
    public static IssueStore OpenExisting(string path, TimeProvider? timeProvider = null) => OpenPath(path, timeProvider, create: false);

    private static IssueStore OpenPath(string path, TimeProvider? timeProvider, bool create)
    {
        var fullPath = FollowLinks(System.IO.Path.GetFullPath(path));
        if (Directory.Exists(fullPath))
        {
            throw new IOException($"The issue store '{fullPath}' is a directory; give the path of a file in it, such as '{System.IO.Path.Combine(fullPath, "issues.db")}'.");
        }

        // Before any lock file is made beside it: LiteDB would block on a FIFO and fail on a device, and /dev is no
        // place for lock files.
        if (FileKind.DescribeIfNotRegular(fullPath) is { } kind)
        {
            throw new IOException($"The issue store '{fullPath}' is {kind}, not a regular file; give the path of a regular file, or of one to create.");
        }

        StoreLogFile.EnsureIsRegularOrAbsent(fullPath);
        StoreLogFile.EnsureHasItsStore(fullPath);
        // An empty file holds no store yet (LiteDB writes one into it when it is opened to write), so a command that only
        // reads finds none: said as what it is, not as a missing file.
        if (!create && new FileInfo(fullPath) is not { Exists: true, Length: > 0 })
        {
            throw new FileNotFoundException(new FileInfo(fullPath).Exists
                ? $"The issue store '{fullPath}' is an empty file: no issue or heartbeat was ever recorded in it, so there is nothing to read yet."
                : $"There is no issue store at '{fullPath}': check the path. Only what records issues or heartbeats creates a store.",
                fullPath);
        }

        try
        {
            return OpenFile(fullPath, timeProvider);
        }
        catch (UnauthorizedAccessException e)
        {
            // Not an IOException: without this, callers that report a held or damaged store would crash on permissions.
            throw new IOException($"The issue store '{fullPath}' cannot be opened: {e.Message} Check that this user may read and write the file and its folder.", e);
        }
    }

    /// <summary>The final target of a symbolic link; the path itself when it is not a link or does not exist.</summary>
    private static string FollowLinks(string fullPath)
    {
        var info = new FileInfo(fullPath);
        if (info.LinkTarget is null)
        {
            return fullPath;
        }

        try
        {
            return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? fullPath;
        }
        catch (IOException e)
        {
            // A loop of links, or one too many levels: .NET's message names the link, not the store.
            throw new IOException($"The issue store '{fullPath}' is a symbolic link that cannot be followed: {e.Message}", e);
        }
    }

    private static IssueStore OpenFile(string fullPath, TimeProvider? timeProvider)
    {
        var folder = System.IO.Path.GetDirectoryName(fullPath)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (IOException e)
        {
            // Such as a part of the path that is a file: .NET's message names neither the store nor the folder.
            throw new IOException($"The folder '{folder}' of the issue store '{fullPath}' cannot be created: {e.Message}", e);
        }

        var lockFile = StoreLockFile.Acquire(fullPath);
        try
        {
            var database = IssueDatabase.Open(fullPath);
            return new IssueStore(fullPath, lockFile, database, timeProvider ?? TimeProvider.System);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }
}
