using LiteDB;

namespace RulesEngine.Issues;

/// <summary>
/// Thrown by <see cref="IssueStore.Open"/> when the store's file is a LiteDB file that cannot be read: cut short
/// (a copy or a disk that filled up), with pages LiteDB rejects, or beside a log file that is not LiteDB's. The engine
/// neither repairs nor rewrites it: the operator moves the file and its log aside, then restores a backup or lets a new
/// store be created, and the message says so. The log must go too: replayed into a restored backup or a new store, it
/// would write the damaged store's pages into it.
/// </summary>
public sealed class StoreDamagedException : IOException
{
    internal StoreDamagedException(string storePath, string problem, Exception? inner = null)
        : base($"The issue store '{storePath}' is damaged: {problem}; move it, and its log file '{StoreLogFile.PathOf(storePath)}' if present, "
            + "aside, then restore it from a backup or let a new one be created.", inner)
    {
        StorePath = storePath;
        Problem = problem;
    }

    /// <summary>
    /// The exception for a failure LiteDB reported while the store was in use: damage that the checks at open did not
    /// reach (they read the header and the two ends of the id index), found when a read or a write reached it.
    /// </summary>
    public static StoreDamagedException FoundInUse(string storePath, LiteException exception) =>
        new(storePath, $"LiteDB failed on it while in use ({exception.Message})", exception);

    /// <summary>
    /// The exception for damage met while the store was in use that LiteDB did not report as a
    /// <see cref="LiteException"/>: its reading code failed on bytes it did not expect, or read a document without
    /// the fields the store writes. The exception's type is named, as its message alone (".NET's "Value cannot be
    /// null") does not say what failed.
    /// </summary>
    internal static StoreDamagedException FoundInUse(string storePath, Exception exception) =>
        new(storePath, $"LiteDB failed on it while in use ({exception.GetType().Name}: {exception.Message})", exception);

    public string StorePath { get; }

    /// <summary>What was found wrong, in words: how short the file is, or what LiteDB could not read.</summary>
    public string Problem { get; }
}
