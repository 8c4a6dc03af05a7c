namespace RulesEngine.Issues;

/// <summary>
/// Thrown by <see cref="IssueStore.Open"/> when another process holds the store file. Only one process may write a
/// store; the message names the holder so the operator can stop it or go through its HTTP API instead.
/// </summary>
public sealed class StoreLockedException : IOException
{
    internal StoreLockedException(string storePath, string holder, Exception? inner)
        : base($"The issue store '{storePath}' is in use by {holder}. Stop that process, or go through its API.", inner)
    {
        StorePath = storePath;
        Holder = holder;
    }

    public string StorePath { get; }

    /// <summary>What is known of the holding process: its id, command line and start time, as the holder wrote them.</summary>
    public string Holder { get; }
}
