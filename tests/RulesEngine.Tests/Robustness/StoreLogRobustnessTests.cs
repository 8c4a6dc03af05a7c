using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using RulesEngine.Issues;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Robustness;

/// <summary>
/// LiteDB's log file beside a store (<c>issues-log.db</c>), which a process that ends without closing its store leaves
/// behind and LiteDB replays into the store at the next open. A log that is LiteDB's is replayed; one left without its
/// store, or one that is not LiteDB's, is refused before LiteDB reads it, and neither file is changed.
/// </summary>
public sealed class StoreLogRobustnessTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    private string LogPath => Path.Combine(workspace.Root, "data", "issues-log.db");

    [Fact]
    public void A_store_left_with_its_log_by_a_process_that_did_not_close_it_opens_with_every_issue()
    {
        LeaveStoreWithItsLog(50);

        using var store = IssueStore.Open(workspace.StorePath);

        Assert.Equal(50, store.Count(IssueStatus.Open));
    }

    [Fact]
    public async Task A_log_left_without_its_store_is_refused_naming_both_and_is_not_replayed()
    {
        LeaveStoreWithItsLog(50);
        File.Move(workspace.StorePath, workspace.StorePath + ".aside");
        var log = File.ReadAllBytes(LogPath);
        workspace.WriteRules("a.yaml", "assertions: [ { name: a, check: 'false' } ]");

        var list = await EngineProcess.RunAsync(workspace.Root, "issues", "list");
        var check = await EngineProcess.RunAsync(workspace.Root, "check");
        File.WriteAllBytes(workspace.StorePath, []);
        var emptyStore = await EngineProcess.RunAsync(workspace.Root, "issues", "open", "disk full");

        var expected = $"The issue store's log file '{LogPath}' exists without its store '{workspace.StorePath}': "
            + "move both aside together, or put the store back.";
        Assert.Equal((2, expected), (list.ExitCode, list.Stderr.Trim()));
        Assert.Equal((2, expected, ""), (check.ExitCode, check.Stderr.Trim(), check.Stdout));
        Assert.Equal((2, expected), (emptyStore.ExitCode, emptyStore.Stderr.Trim()));
        Assert.Equal(log, File.ReadAllBytes(LogPath));
        Assert.Equal(0, new FileInfo(workspace.StorePath).Length);
    }

    [Fact]
    public async Task A_log_of_random_bytes_is_refused_as_damaged_naming_it_and_neither_file_is_written()
    {
        using (var store = IssueStore.Open(workspace.StorePath))
        {
            store.MaybeOpen(new IssueKey("disk full"), null);
        }

        var random = new byte[100_000];
        new Random(7).NextBytes(random);
        File.WriteAllBytes(LogPath, random);
        var data = File.ReadAllBytes(workspace.StorePath);

        var error = Assert.Throws<StoreDamagedException>(() => IssueStore.Open(workspace.StorePath));
        var list = await EngineProcess.RunAsync(workspace.Root, "issues", "list");

        Assert.StartsWith($"its log file '{LogPath}' is not a LiteDB log: its page 0 ", error.Problem);
        Assert.Equal((2, error.Message), (list.ExitCode, list.Stderr.Trim()));
        Assert.EndsWith($"; move it, and its log file '{LogPath}' if present, aside, then restore it from a backup or let a new one be created.",
            error.Message);
        Assert.Equal(data, File.ReadAllBytes(workspace.StorePath));
        Assert.Equal(random, File.ReadAllBytes(LogPath));
    }

    [Theory]
    [InlineData(1, "1 byte")]
    [InlineData(31, "31 bytes")]
    public async Task A_log_too_short_for_one_page_header_is_refused_as_damaged_and_kept(int length, string holds)
    {
        using (var store = IssueStore.Open(workspace.StorePath))
        {
            store.MaybeOpen(new IssueKey("disk full"), null);
        }

        var random = new byte[length];
        new Random(7).NextBytes(random);
        File.WriteAllBytes(LogPath, random);
        var data = File.ReadAllBytes(workspace.StorePath);

        var error = Assert.Throws<StoreDamagedException>(() => IssueStore.Open(workspace.StorePath));
        var list = await EngineProcess.RunAsync(workspace.Root, "issues", "list");

        Assert.Equal($"its log file '{LogPath}' is not a LiteDB log: it holds {holds}, fewer than the 32 of one page's header",
            error.Problem);
        Assert.Equal((2, error.Message), (list.ExitCode, list.Stderr.Trim()));
        Assert.Equal(data, File.ReadAllBytes(workspace.StorePath));
        Assert.Equal(random, File.ReadAllBytes(LogPath));
    }

    [Fact]
    public void A_log_page_naming_a_page_past_the_store_and_its_log_is_refused_as_damaged()
    {
        LeaveStoreWithItsLog(50);
        var log = File.ReadAllBytes(LogPath);
        BitConverter.GetBytes(4_000_000_000u).CopyTo(log, 8192);
        File.WriteAllBytes(LogPath, log);

        var error = Assert.Throws<StoreDamagedException>(() => IssueStore.Open(workspace.StorePath));

        Assert.Matches(@"^its log file '.*' is not a LiteDB log: its page 1 is for page 4,000,000,000 of the store, past the [\d,]+ pages the store and its log hold$",
            error.Problem);
    }

    [Fact]
    public async Task A_log_path_that_is_a_fifo_is_refused_without_being_opened()
    {
        using (var store = IssueStore.Open(workspace.StorePath))
        {
            store.MaybeOpen(new IssueKey("disk full"), null);
        }

        Assert.Equal(0, MakeFifo(LogPath, Convert.ToUInt32("644", 8)));

        var error = await Task.Run(() => Assert.Throws<IOException>(() => IssueStore.Open(workspace.StorePath)))
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal($"The issue store's log file '{LogPath}' is a named pipe (FIFO), not a regular file; move it aside.", error.Message);
    }

    /// <summary>
    /// Leaves at the workspace's store path what a process that ends without closing its store leaves: the store and
    /// its log, copied while a store is open with <paramref name="count"/> issues written (LiteDB copies the log into
    /// the store only when it closes, or once the log holds 1,000 pages).
    /// </summary>
    private void LeaveStoreWithItsLog(int count)
    {
        var elsewhere = Path.Combine(workspace.Root, "elsewhere", "issues.db");
        using (var store = IssueStore.Open(elsewhere))
        {
            for (var i = 0; i < count; i++)
            {
                store.MaybeOpen(new IssueKey($"issue {i}"), new JsonObject { ["padding"] = new string('x', 200) });
            }

            var log = Path.Combine(Path.GetDirectoryName(elsewhere)!, "issues-log.db");
            WaitUntilWritten(log);
            Directory.CreateDirectory(Path.GetDirectoryName(workspace.StorePath)!);
            File.Copy(elsewhere, workspace.StorePath);
            File.Copy(log, LogPath);
        }
    }

    // LiteDB writes committed pages to the log from a queue of its own: wait until the log stops growing.
    private static void WaitUntilWritten(string log)
    {
        var length = -1L;
        for (var i = 0; i < 100; i++)
        {
            Thread.Sleep(100);
            var now = File.Exists(log) ? new FileInfo(log).Length : 0;
            if (now > 0 && now == length)
            {
                return;
            }

            length = now;
        }

        throw new TimeoutException($"LiteDB's log '{log}' was still growing after 10 s.");
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(string path, uint mode);
}
