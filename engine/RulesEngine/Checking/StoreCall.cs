using RulesEngine.Issues;

namespace RulesEngine.Checking;

/// <summary>
/// The runners' calls to the issue store, each wrapped so that whatever the store throws becomes an
/// <see cref="IssueStoreFailedException"/>: a model pass reads the store and the source inside one timed step, and a
/// store that fails there must not read as "the source could not be read". What the store refuses as the caller's
/// input (a check's details it cannot keep) passes unchanged: that is the rule's mistake, not the store's.
/// </summary>
internal static class StoreCall
{
    /// <summary>A read made before anything is written: when it fails, no issue was changed.</summary>
    public static T Read<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception exception) when (!IsCallersMistake(exception))
        {
            throw new IssueStoreFailedException("read, so no issue was changed", exception);
        }
    }

    public static T Write<T>(Func<T> write)
    {
        try
        {
            return write();
        }
        catch (Exception exception) when (!IsCallersMistake(exception))
        {
            throw new IssueStoreFailedException("written", exception);
        }
    }

    private static bool IsCallersMistake(Exception exception) =>
        exception is OperationCanceledException or InvalidKeyException or InvalidDetailsException;
}
