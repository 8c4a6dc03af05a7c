using System.Buffers.Binary;
using System.Globalization;
using RulesEngine.RuleFiles;

namespace RulesEngine.Issues;

/// <summary>
/// LiteDB's log file beside a store (<c>issues.db</c> has <c>issues-log.db</c>): the pages written since the last
/// checkpoint. LiteDB copies every page of it into the store when it opens the store, each at the position its header
/// names, and then deletes it. A log that does not belong to the store it sits beside is refused before LiteDB
/// sees it: copied into the wrong store, or read from random bytes, it writes pages wherever their headers say (a
/// random page number makes the store a sparse file of terabytes), and the log, the only trace, is deleted.
/// </summary>
internal static class StoreLogFile
{
    // LiteDB 5 pages are 8 KiB. Each starts with a header: the page's id (uint, byte 0), its type (byte 4; 0 to 4 are
    // empty, header, collection, index and data pages) and, at byte 18, whether it ends a confirmed transaction (0 or 1).
    private const int PageSize = 8192;
    private const int HeaderLength = 32;
    private const int PageTypeOffset = 4;
    private const int ConfirmedOffset = 18;
    private const byte LastPageType = 4;

    /// <summary>The log file of the store at <paramref name="storePath"/>, as LiteDB names it.</summary>
    public static string PathOf(string storePath) => Path.Combine(
        Path.GetDirectoryName(storePath)!,
        Path.GetFileNameWithoutExtension(storePath) + "-log" + Path.GetExtension(storePath));

    /// <summary>
    /// Refuses a log path that is there but is not a regular file (links followed): reading a FIFO waits for a writer
    /// that never comes, and LiteDB cannot keep its log in a directory or a device.
    /// </summary>
    public static void EnsureIsRegularOrAbsent(string storePath)
    {
        var log = PathOf(storePath);
        if (FileKind.DescribeIfNotRegular(log) is { } kind)
        {
            throw new IOException($"The issue store's log file '{log}' is {kind}, not a regular file; move it aside.");
        }
    }

    /// <summary>
    /// Refuses a log file, not empty, beside a store file that is missing or empty: the store was moved aside without
    /// it, and LiteDB would replay the old store's last changes into a new one and delete the log.
    /// </summary>
    public static void EnsureHasItsStore(string storePath)
    {
        var log = PathOf(storePath);
        if (new FileInfo(log) is not { Exists: true, Length: > 0 } || new FileInfo(storePath) is { Exists: true, Length: > 0 })
        {
            return;
        }

        throw new IOException($"The issue store's log file '{log}' exists without its store '{storePath}': "
            + "move both aside together, or put the store back.");
    }

    /// <summary>
    /// Reads the header of every page of the log, if there is one, and refuses the store when the log is too short
    /// to hold one header, or when one of them cannot be LiteDB's: a type LiteDB has not, a confirmation flag other than 0 or 1, or a page id past every page the store
    /// and its log can hold (pages in the log are either in the store already or appended after its last one).
    /// </summary>
    /// <exception cref="StoreDamagedException">A page's header is not one LiteDB writes; nothing was written.</exception>
    public static void EnsureIsLiteDbLog(string storePath, long storeLength)
    {
        var log = PathOf(storePath);
        if (!File.Exists(log))
        {
            return;
        }

        using var file = File.OpenHandle(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var logLength = RandomAccess.GetLength(file);

        // LiteDB writes its log a whole page at a time; a log too short for one page's header is no log of LiteDB's,
        // and the loop below would read no header of it and let LiteDB delete it.
        if (logLength is > 0 and < HeaderLength)
        {
            throw new StoreDamagedException(storePath, string.Create(CultureInfo.InvariantCulture,
                $"its log file '{log}' is not a LiteDB log: it holds {Counted.Of(logLength, "byte")}, fewer than the {HeaderLength} of one page's header"));
        }

        var mostPages = (storeLength + PageSize - 1) / PageSize + (logLength + PageSize - 1) / PageSize;
        var header = new byte[HeaderLength];
        for (long page = 0, offset = 0; logLength - offset >= HeaderLength; page++, offset += PageSize)
        {
            RandomAccess.Read(file, header, offset);
            if (Problem(header, mostPages) is { } problem)
            {
                throw new StoreDamagedException(storePath, string.Create(CultureInfo.InvariantCulture,
                    $"its log file '{log}' is not a LiteDB log: its page {page:N0} {problem}"));
            }
        }
    }

    private static string? Problem(ReadOnlySpan<byte> header, long mostPages)
    {
        var id = BinaryPrimitives.ReadUInt32LittleEndian(header);
        var type = header[PageTypeOffset];
        var confirmed = header[ConfirmedOffset];
        return type > LastPageType ? string.Create(CultureInfo.InvariantCulture, $"has type {type}, which LiteDB has not")
            : confirmed > 1 ? string.Create(CultureInfo.InvariantCulture, $"has {confirmed} for its confirmation flag, which is 0 or 1")
            : id >= mostPages ? string.Create(CultureInfo.InvariantCulture, $"is for page {id:N0} of the store, past the {mostPages:N0} pages the store and its log hold")
            : null;
    }
}
