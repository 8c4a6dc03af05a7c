namespace RulesEngine.Issues;

/// <summary>
/// Thrown by <see cref="IssueStore.Open"/> when the store's file is a LiteDB file that cannot be read: cut short
/// (a copy or a disk that filled up), or with pages LiteDB rejects. The engine neither repairs nor rewrites it: the
/// operator restores a backup or moves the file aside, and the message says so.
/// </summary>
public sealed class StoreDamagedException : IOException
{
    internal StoreDamagedException(string storePath, string problem, Exception? inner = null)
        : base($"The issue store '{storePath}' is damaged: {problem}; restore it from a backup, or move it aside to start a new one.", inner)
    {
        StorePath = storePath;
        Problem = problem;
    }

    public string StorePath { get; }

    /// <summary>What was found wrong, in words: how short the file is, or what LiteDB could not read.</summary>
    public string Problem { get; }
}
