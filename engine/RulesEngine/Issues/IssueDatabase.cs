using System.Buffers.Binary;
using System.Globalization;
using LiteDB;
using LiteDB.Engine;

namespace RulesEngine.Issues;

/// <summary>Opens the LiteDB file behind an <see cref="IssueStore"/> and prepares its settings and indexes.</summary>
internal static class IssueDatabase
{
    /// <summary>
    /// Names, keys and statuses compare ordinally (case-sensitive, culture-free). LiteDB's default collation ignores
    /// case, which would make "Disk" and "disk" one issue.
    /// </summary>
    private static readonly Collation Ordinal = new(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal);

    public static LiteDatabase Open(string path)
    {
        EnsureIsStoreOrAbsent(path);
        StoreLogFile.EnsureIsLiteDbLog(path, File.Exists(path) ? new FileInfo(path).Length : 0);
        Probe(path);

        var database = Connect(path);
        try
        {
            Prepare(database);
            return database;
        }
        catch (Exception e) when (IsDamage(e))
        {
            // Preparing reads the collection and its indexes: damage Probe's two reads did not reach.
            database.Dispose();
            throw new StoreDamagedException(path, $"LiteDB cannot read it ({e.Message})", e);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    public static ILiteCollection<BsonDocument> Issues(LiteDatabase database) =>
        database.GetCollection("issues", BsonAutoId.Int64);

    // LiteDB 5 writes this text near the start of every data file's header page.
    private static readonly byte[] FileSignature = "** This is a LiteDB file **"u8.ToArray();

    // LiteDB 5's data file is a run of 8 KiB pages; its header page (the first) keeps the id of the last page in use
    // as a little-endian uint at byte 64 (LiteDB's HeaderPage.P_LAST_PAGE_ID).
    private const int PageSize = 8192;
    private const int LastPageIdOffset = 64;

    /// <summary>
    /// Refuses a file that exists, is not empty and is not a LiteDB file: LiteDB would rebuild it in place, and a
    /// mistyped <c>--store</c> pointing at a rule file or a database of the application's must not be destroyed.
    /// </summary>
    private static void EnsureIsStoreOrAbsent(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length == 0)
        {
            return;
        }

        var head = new byte[256];
        int read;
        long length;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);

            // Measured through the open file, which is the link's target when the path is a symbolic link.
            length = file.Length;
        }

        if (head.AsSpan(0, read).IndexOf(FileSignature) < 0)
        {
            throw new IOException($"'{path}' is not an issue store (not a LiteDB file); it was left untouched. Give --store a new file name or an existing store.");
        }

        EnsureIsWhole(path, head.AsSpan(0, read), length);
    }

    /// <summary>
    /// Refuses a store shorter than its header says: a file cut short by a copy, a restore or a full disk. LiteDB would
    /// open it, crop it to whole pages (writing to it), and then fail on every read of a missing page; this check reads
    /// only the header, so the file is left exactly as found.
    /// </summary>
    /// <remarks>
    /// Until a checkpoint, new pages live in LiteDB's log file (<c>issues-log.db</c>) and the data file may be shorter
    /// than the pages in use: with a log file present the check is left to <see cref="Probe"/>.
    /// </remarks>
    private static void EnsureIsWhole(string path, ReadOnlySpan<byte> head, long length)
    {
        if (head.Length < LastPageIdOffset + sizeof(uint) || File.Exists(StoreLogFile.PathOf(path)))
        {
            return;
        }

        var pages = BinaryPrimitives.ReadUInt32LittleEndian(head[LastPageIdOffset..]) + 1L;
        if (length < pages * PageSize)
        {
            throw new StoreDamagedException(path, string.Create(CultureInfo.InvariantCulture,
                $"the file holds {length:N0} bytes, but its header counts {Counted.Of(pages, "page", format: "N0")} of 8 KiB ({pages * PageSize:N0} bytes): it was cut short"));
        }
    }

    /// <summary>
    /// Reads the first and the last issue through the id index: the collection's page, both ends of the index and their
    /// data pages. A cheap look, far from a full check, that finds a store damaged at its start or end (where a file cut
    /// short or partly overwritten is damaged) at open, rather than at every later read.
    /// </summary>
    /// <remarks>
    /// The look is taken through a read-only connection: a read-write one that meets a damaged page marks the file's
    /// header as invalid (LiteDB 5.0.21 writes byte 191 of the header page), and a damaged store must be left exactly as
    /// found, for a backup tool or a person to examine.
    /// </remarks>
    private static void Probe(string path)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return;
        }

        try
        {
            using var database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, ReadOnly = true });
            var issues = Issues(database);
            _ = issues.Query().OrderBy(IssueFields.Id).Limit(1).ToDocuments().ToList();
            _ = issues.Query().OrderByDescending(IssueFields.Id).Limit(1).ToDocuments().ToList();
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw new StoreDamagedException(path, $"LiteDB cannot read it ({e.Message})", e);
        }
    }

    /// <summary>
    /// Whether an exception LiteDB threw while opening or first reading a file that has its signature means the file
    /// (or its log) is damaged. LiteDB reports most damage as a <see cref="LiteException"/>, but bytes it does not
    /// expect also surface as whatever its reading code meets: a date out of range, an index past an array's end, a
    /// file shorter than a page. Only what is about reaching the file at all (permissions, a lock, a full disk) is not.
    /// </summary>
    private static bool IsDamage(Exception exception) => exception is not (UnauthorizedAccessException or OutOfMemoryException)
        && (exception is EndOfStreamException || exception is not IOException);

    private static LiteDatabase Connect(string path)
    {
        // LiteDB refuses to open a file whose collation differs from the connection string's: the collation is given
        // only to create the file, and an existing file with another one is rebuilt once opened.
        var connection = new ConnectionString
        {
            Filename = path,
            Connection = ConnectionType.Direct,
            Collation = File.Exists(path) ? null : Ordinal,
        };

        try
        {
            return new LiteDatabase(connection);
        }
        catch (Exception e) when (IsDamage(e))
        {
            // The file has LiteDB's signature (checked above), so LiteDB refusing it means its header is damaged.
            throw new StoreDamagedException(path, $"LiteDB cannot open it ({e.Message})", e);
        }
    }

    private static void Prepare(LiteDatabase database)
    {
        if (database.Collation.SortOptions != CompareOptions.Ordinal)
        {
            database.Rebuild(new RebuildOptions { Collation = Ordinal });
        }

        // LiteDB 5 has no UtcDate connection-string option: UTC_DATE is a pragma kept in the file's header. Without
        // it dates come back in the process's local time.
        if (!database.UtcDate)
        {
            database.UtcDate = true;
        }

        var issues = Issues(database);
        issues.EnsureIndex(IssueFields.UnresolvedKey, "$." + IssueFields.UnresolvedKey);
        issues.EnsureIndex(IssueFields.Name, "$." + IssueFields.Name);
        issues.EnsureIndex(IssueFields.Status, "$." + IssueFields.Status);
        issues.EnsureIndex(IssueFields.ResponsePending, "$." + IssueFields.ResponsePending);
        issues.EnsureIndex(IssueFields.StatusOrder, IssueFields.StatusOrderExpression);
        issues.EnsureIndex(IssueFields.NameOrder, IssueFields.NameOrderExpression);
        issues.EnsureIndex(IssueFields.CreatedAt, "$." + IssueFields.CreatedAt);
        issues.EnsureIndex(IssueFields.ResolvedAt, "$." + IssueFields.ResolvedAt);
    }
}
