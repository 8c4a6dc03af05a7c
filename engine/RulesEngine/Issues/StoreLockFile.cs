using System.Diagnostics;
using System.Text;

namespace RulesEngine.Issues;

/// <summary>
/// The lock that lets one process at a time open a store: <c>&lt;store&gt;.lock</c>, held open with
/// <see cref="FileShare.None"/> for the store's life (on Linux and macOS .NET takes an advisory flock, which also
/// refuses a second open within the same process). The holder's description is written into the lock file and into
/// <c>&lt;store&gt;.holder</c>: the lock file cannot be read while held (.NET reads with a shared flock, Windows
/// refuses the share), so a process that fails to take the lock reads the holder file to say who holds it.
/// </summary>
internal sealed class StoreLockFile : IDisposable
{
    private readonly FileStream _lock;

    private StoreLockFile(FileStream lockStream) => _lock = lockStream;

    /// <exception cref="StoreLockedException">Another store, in this process or another, holds the lock.</exception>
    public static StoreLockFile Acquire(string storePath)
    {
        var lockStream = TakeLock(storePath);
        try
        {
            WriteHolder(storePath, lockStream);
            return new StoreLockFile(lockStream);
        }
        catch
        {
            lockStream.Dispose();
            throw;
        }
    }

    public void Dispose() => _lock.Dispose();

    private static FileStream TakeLock(string storePath)
    {
        try
        {
            return new FileStream(storePath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (IsHeldElsewhere(e))
        {
            throw new StoreLockedException(storePath, ReadHolder(storePath), e);
        }
    }

    /// <summary>The lock is held elsewhere, as opposed to a path that cannot be opened at all.</summary>
    private static bool IsHeldElsewhere(IOException e) =>
        e is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException);

    private static void WriteHolder(string storePath, FileStream lockStream)
    {
        var holder = DescribeThisProcess();

        lockStream.SetLength(0);
        lockStream.Write(Encoding.UTF8.GetBytes(holder));
        lockStream.Flush(flushToDisk: true);

        File.WriteAllText(HolderPath(storePath), holder);
    }

    /// <summary>
    /// The holder file is written just after the lock is taken, so in that instant it may still describe the previous
    /// holder; it is never read unless the lock is held.
    /// </summary>
    private static string ReadHolder(string storePath)
    {
        try
        {
            var holder = File.ReadAllText(HolderPath(storePath)).Trim();
            return holder.Length > 0 ? holder : "another process";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "another process";
        }
    }

    private static string DescribeThisProcess()
    {
        using var process = Process.GetCurrentProcess();
        var started = process.StartTime.ToUniversalTime();
        var commandLine = string.Join(' ', Environment.GetCommandLineArgs());
        return $"process {Environment.ProcessId} ({process.ProcessName}) on {Environment.MachineName}, "
            + $"started {started:yyyy-MM-dd HH:mm:ss} UTC, command line: {commandLine}";
    }

    private static string HolderPath(string storePath) => storePath + ".holder";
}
