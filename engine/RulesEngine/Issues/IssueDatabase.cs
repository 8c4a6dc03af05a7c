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
        var database = Connect(path);
        try
        {
            Prepare(database);
            return database;
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
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (head.AsSpan(0, read).IndexOf(FileSignature) < 0)
        {
            throw new IOException($"'{path}' is not an issue store (not a LiteDB file); it was left untouched. Give --store a new file name or an existing store.");
        }
    }

    private static LiteDatabase Connect(string path)
    {
        EnsureIsStoreOrAbsent(path);
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
        catch (LiteException e)
        {
            throw new IOException($"The issue store '{path}' could not be opened: {e.Message}", e);
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
