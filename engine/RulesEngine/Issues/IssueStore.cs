using LiteDB;
using RulesEngine.RuleFiles;

namespace RulesEngine.Issues;

/// <summary>
/// The issues and their action history, kept in one LiteDB file. Thread-safe. One process at a time may open a
/// store: <see cref="Open"/> takes an exclusive lock file beside the store and fails fast when another process
/// holds it. All times are UTC and come from the <see cref="TimeProvider"/> given at open.
/// </summary>
public sealed partial class IssueStore : IDisposable
{
    private readonly StoreLockFile _lockFile;
    private readonly LiteDatabase _database;
    private readonly ILiteCollection<BsonDocument> _issues;
    private readonly TimeProvider _timeProvider;

    // Serialises every change, so that a read-modify-write (maybe open, resolve, a model pass) sees no other change
    // between its read and its write. LiteDB's transactions belong to a thread and do not give this across threads.
    // Reads do not take it: LiteDB gives each read a consistent snapshot.
    private readonly Lock _writeLock = new();
    private volatile bool _disposed;

    private IssueStore(string path, StoreLockFile lockFile, LiteDatabase database, TimeProvider timeProvider)
    {
        Path = path;
        _lockFile = lockFile;
        _database = database;
        _issues = IssueDatabase.Issues(database);
        _timeProvider = timeProvider;
    }

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
    public static IssueStore Open(string path, TimeProvider? timeProvider = null)
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

    /// <summary>The full path of the store's file, after following symbolic links.</summary>
    public string Path { get; }

    /// <summary>Closes the file and releases the lock; the files stay. Waits for a change in progress to finish.</summary>
    public void Dispose()
    {
        lock (_writeLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _database.Dispose();
            _lockFile.Dispose();
        }
    }

    private ILiteCollection<BsonDocument> Issues
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _issues;
        }
    }

    private DateTimeOffset Now() => BsonTime.ToStoredPrecision(_timeProvider.GetUtcNow());

    private Issue Insert(Issue issue)
    {
        var document = IssueDocument.ToDocument(issue);
        Issues.Insert(document);
        return IssueDocument.ToIssue(document);
    }

    /// <summary>Writes the issue, and returns it as read back, so its details share nothing with the caller's.</summary>
    private Issue Save(Issue issue)
    {
        var document = IssueDocument.ToDocument(issue);
        Issues.Update(document);
        return IssueDocument.ToIssue(document);
    }

    /// <summary>Writes the issues in one LiteDB transaction.</summary>
    private List<Issue> SaveAll(IEnumerable<Issue> issues)
    {
        var documents = issues.Select(IssueDocument.ToDocument).ToList();
        Issues.Update(documents);
        return documents.ConvertAll(IssueDocument.ToIssue);
    }

    private List<Issue> Read(params BsonExpression[] filters) => Read(filters, newestFirst: false);

    private List<Issue> Read(
        IEnumerable<BsonExpression> filters, bool newestFirst, int skip = 0, int limit = int.MaxValue)
    {
        var query = Issues.Query();
        foreach (var filter in filters)
        {
            query = query.Where(filter);
        }

        query = newestFirst ? query.OrderByDescending(IssueFields.Id) : query.OrderBy(IssueFields.Id);
        return query.Skip(skip).Limit(limit).ToEnumerable().Select(IssueDocument.ToIssue).ToList();
    }
}
