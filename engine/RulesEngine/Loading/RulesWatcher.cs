using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using RulesEngine.RuleFiles;

namespace RulesEngine.Loading;

/// <summary>
/// Watches the rules directory and reloads when a rule file's content changes: created, written (even in several
/// chunks), renamed over (editors that save through a temporary file), deleted, or swapped behind a symbolic link
/// (a Kubernetes ConfigMap's <c>..data</c>). File system events trigger a check after a short quiet period; a poll
/// of the content hashes catches what events miss (network file systems, some container mounts). Either way a
/// reload happens only when the content differs from what was last loaded. A reload that fails only in files written
/// in the last <see cref="SettlePeriod"/> is taken for a write still going (a tool that pauses between chunks): it is
/// not reported, and is tried again once those files have been quiet that long, or at the next change.
/// </summary>
public sealed class RulesWatcher : IDisposable
{
    /// <summary>How long a file that fails to load must go unwritten before its failure is reported.</summary>
    public static readonly TimeSpan SettlePeriod = TimeSpan.FromSeconds(2);

    private readonly string directory;
    private readonly RulesReloader reloader;
    private readonly TimeSpan quietPeriod;
    private readonly ILogger log;
    private readonly FileSystemWatcher? watcher;
    private readonly ITimer poll;
    private readonly ITimer debounce;
    private readonly Lock gate = new();
    private string fingerprint;
    private bool pollFound;
    private bool retryHeldBack;

    /// <param name="pollInterval">How often content hashes are compared when no event comes. Default 1 s.</param>
    /// <param name="quietPeriod">How long events must stop before the content is compared. Default 200 ms.</param>
    /// <param name="fileEvents">False to rely on the poll alone (file systems whose events never arrive).</param>
    public RulesWatcher(Engine engine, RulesReloader reloader, TimeSpan? pollInterval = null, TimeSpan? quietPeriod = null, bool fileEvents = true)
    {
        directory = engine.Options.RulesDirectory;
        this.reloader = reloader;
        this.quietPeriod = quietPeriod ?? TimeSpan.FromMilliseconds(200);
        log = engine.Options.LoggerFactory.CreateLogger<RulesWatcher>();
        fingerprint = Fingerprint(directory);

        // Real time, not the engine's clock: file systems change in real time, even when a test fakes the clock.
        debounce = TimeProvider.System.CreateTimer(_ => ReloadIfChanged(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var interval = pollInterval ?? TimeSpan.FromSeconds(1);
        poll = TimeProvider.System.CreateTimer(_ => Poll(), null, interval, interval);
        watcher = fileEvents ? TryWatch() : null;
    }

    public void Dispose()
    {
        watcher?.Dispose();
        poll.Dispose();
        debounce.Dispose();
    }

    private FileSystemWatcher? TryWatch()
    {
        try
        {
            var fileWatcher = new FileSystemWatcher(directory)
            {
                IncludeSubdirectories = false,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            fileWatcher.Changed += (_, _) => Touched();
            fileWatcher.Created += (_, _) => Touched();
            fileWatcher.Deleted += (_, _) => Touched();
            fileWatcher.Renamed += (_, _) => Touched();
            fileWatcher.Error += (_, args) => log.LogWarning(args.GetException(), "Watching {Directory} failed; changes are still found by polling", directory);
            fileWatcher.EnableRaisingEvents = true;
            return fileWatcher;
        }
        catch (Exception exception) when (exception is IOException or ArgumentException or PlatformNotSupportedException)
        {
            log.LogWarning(exception, "Cannot watch {Directory}; changes are found by polling only", directory);
            return null;
        }
    }

    // Every event pushes the check back, so a file written in chunks is read once the writing has stopped.
    private void Touched() => debounce.Change(quietPeriod, Timeout.InfiniteTimeSpan);

    // A change the poll finds may be a write still in progress: it waits for the same quiet period as an event.
    private void Poll()
    {
        lock (gate)
        {
            if (Fingerprint(directory) != fingerprint)
            {
                pollFound = true;
                Touched();
            }
        }
    }

    private void ReloadIfChanged()
    {
        lock (gate)
        {
            var current = Fingerprint(directory);
            var reason = pollFound ? "poll" : "file change";
            pollFound = false;
            if (current == fingerprint && !retryHeldBack)
            {
                return;
            }

            fingerprint = current;
            retryHeldBack = false;
            try
            {
                if (reloader.ReloadChanged(reason, SettlePeriod, out var retryIn) is null)
                {
                    // A later event pushes this back again, to the quiet period; the write that ends it reloads.
                    retryHeldBack = true;
                    debounce.Change(retryIn, Timeout.InfiniteTimeSpan);
                }
            }
            catch (Exception exception)
            {
                // A timer callback must not throw; the next change or poll tries again.
                log.LogError(exception, "Reloading {Directory} failed", directory);
            }
        }
    }

    /// <summary>
    /// A hash of every rule file's name and content, following symbolic links. An entry that is not a regular file
    /// (a FIFO) is never opened: its name and kind are hashed, and the loader reports it.
    /// </summary>
    public static string Fingerprint(string directory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (Directory.Exists(directory))
        {
            foreach (var path in RuleSetLoader.RuleFilePaths(directory))
            {
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(path + "\0"));

                // A file being replaced right now is unreadable for a moment; the next event or poll sees the new one.
                var content = RuleFileContent.ReadBytes(path, out var error);
                hash.AppendData(content ?? System.Text.Encoding.UTF8.GetBytes(error!.Message));
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
