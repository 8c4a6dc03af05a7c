using LiteDB;

namespace RulesEngine.Issues;

/// <summary>
/// The issues and their action history, kept in one LiteDB file. Thread-safe. One process at a time may open a
/// store: <see cref="Open"/> takes an exclusive lock file beside the store and fails fast when another process
/// holds it. All times are UTC and come from the <see cref="TimeProvider"/> given at open.
/// </summary>
public sealed partial class IssueStore : IDisposable
{
    /// <summary>
    /// How deep an issue's details may nest arrays and objects: <c>[[1]]</c> is two levels. Deeper details are refused
    /// with an <see cref="InvalidDetailsException"/>; what a check returns is cut at this depth before it gets here.
    /// Every output that writes an issue as JSON (the API's pages, <c>--json</c>) adds a few levels around its details,
    /// and System.Text.Json writes at most 64.
    /// </summary>
    public const int MaxDetailsDepth = 32;

    /// <summary>
    /// How much text an issue's details may hold, its strings and keys together, in UTF-16 characters. LiteDB keeps a
    /// document of at most about 16 MB, and an issue's document also holds the history of its actions: this leaves room
    /// for it even when every character takes three bytes. What a check returns is cut well below this.
    /// </summary>
    public const int MaxDetailsTextLength = 2_000_000;

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
        Guarded(() => Issues.Insert(document));
        return IssueDocument.ToIssue(document);
    }

    /// <summary>Writes the issue, and returns it as read back, so its details share nothing with the caller's.</summary>
    private Issue Save(Issue issue)
    {
        var document = IssueDocument.ToDocument(issue);
        Guarded(() => Issues.Update(document));
        return IssueDocument.ToIssue(document);
    }

    /// <summary>Writes the issues in one LiteDB transaction.</summary>
    private List<Issue> SaveAll(IEnumerable<Issue> issues)
    {
        var documents = issues.Select(IssueDocument.ToDocument).ToList();
        Guarded(() => Issues.Update(documents));
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
        return Guarded(() => query.Skip(skip).Limit(limit).ToEnumerable().Select(IssueDocument.ToIssue).ToList());
    }
}
