using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using RulesEngine.Issues;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Robustness;

/// <summary>
/// Stores that cannot be opened: a directory, a folder that cannot be made, a file cut short or overwritten. Each is
/// refused at open with one message naming the path, the commands exit 2 without a stack trace, and a damaged file is
/// left exactly as it was found.
/// </summary>
public sealed class StoreOpenRobustnessTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task A_store_path_that_is_a_directory_is_one_line_on_stderr_and_exit_2_for_every_command()
    {
        var directory = Path.Combine(workspace.Root, "store-folder");
        Directory.CreateDirectory(directory);
        workspace.WriteRules("a.yaml", "assertions: [ { name: a, check: 'true' } ]");

        var results = new[]
        {
            await EngineProcess.RunAsync(workspace.Root, "check", "--store", directory),
            await EngineProcess.RunAsync(workspace.Root, "respond", "--store", directory),
            await EngineProcess.RunAsync(workspace.Root, "issues", "list", "--store", directory),
            await EngineProcess.RunAsync(workspace.Root, "issues", "show", "1", "--store", directory),
        };

        Assert.All(results, result =>
        {
            Assert.Equal(2, result.ExitCode);
            Assert.Equal(
                $"The issue store '{directory}' is a directory; give the path of a file in it, such as '{Path.Combine(directory, "issues.db")}'.",
                result.Stderr.Trim());
        });
        Assert.False(File.Exists(directory + ".lock"), "nothing is created beside a store that cannot be opened");
    }

    [Fact]
    public async Task A_store_path_that_is_a_fifo_or_a_device_is_one_line_and_exit_2_and_nothing_is_created_beside_it()
    {
        var fifo = Path.Combine(workspace.Root, "fifo.db");
        Assert.Equal(0, MakeFifo(fifo, Convert.ToUInt32("644", 8)));
        var linkToDevice = Path.Combine(workspace.Root, "zero.db");
        File.CreateSymbolicLink(linkToDevice, "/dev/zero");
        workspace.WriteRules("a.yaml", "assertions: [ { name: a, check: 'true' } ]");

        var list = await EngineProcess.RunAsync(workspace.Root, "issues", "list", "--store", fifo);
        var check = await EngineProcess.RunAsync(workspace.Root, "check", "--store", linkToDevice);
        var run = await EngineProcess.RunAsync(workspace.Root, "run", "--store", fifo, "--urls", "http://127.0.0.1:0");

        Assert.Equal((2, $"The issue store '{fifo}' is a named pipe (FIFO), not a regular file; give the path of a regular file, or of one to create."),
            (list.ExitCode, list.Stderr.Trim()));
        Assert.Equal((2, "The issue store '/dev/zero' is a character device, not a regular file; give the path of a regular file, or of one to create."),
            (check.ExitCode, check.Stderr.Trim()));
        Assert.Equal((2, $"error: The issue store '{fifo}' is a named pipe (FIFO), not a regular file; give the path of a regular file, or of one to create."),
            (run.ExitCode, run.Stderr.Trim()));
        Assert.Equal(["fifo.db", "rules", "zero.db"], Directory.GetFileSystemEntries(workspace.Root).Select(Path.GetFileName).Order());
        Assert.False(File.Exists("/dev/zero.lock"));
    }

    [Fact]
    public async Task An_empty_rules_or_store_path_or_urls_is_a_usage_error_with_exit_2()
    {
        var urls = await EngineProcess.RunAsync(workspace.Root, "run", "--urls", "");
        Assert.Equal((2, "--urls is empty; give it one or more addresses to listen on, such as http://127.0.0.1:8080.\nRun with --help for usage."),
            (urls.ExitCode, urls.Stderr.Trim().ReplaceLineEndings("\n")));

        var rules = await EngineProcess.RunAsync(workspace.Root, "check", "--rules", "");
        var store = await EngineProcess.RunAsync(workspace.Root, "issues", "list", "--store", " ");
        var run = await EngineProcess.RunAsync(workspace.Root, "run", "--rules", "", "--urls", "http://127.0.0.1:0");

        Assert.Equal((2, "--rules is empty; give it the folder that holds the rule files.\nRun with --help for usage."),
            (rules.ExitCode, rules.Stderr.Trim().ReplaceLineEndings("\n")));
        Assert.Equal((2, "--store is empty; give it the path of the issue store's file.\nRun with --help for usage."),
            (store.ExitCode, store.Stderr.Trim().ReplaceLineEndings("\n")));
        Assert.Equal((2, "--rules is empty; give it the folder that holds the rule files.\nRun with --help for usage."),
            (run.ExitCode, run.Stderr.Trim().ReplaceLineEndings("\n")));
    }

    [Fact]
    public async Task A_store_the_user_may_not_open_is_one_line_naming_the_store_and_exit_2()
    {
        // What a read-only folder or a file of another user gives, UnauthorizedAccessException, made in a way that
        // holds even for root: the lock file's path is taken by a directory.
        Directory.CreateDirectory(workspace.StorePath + ".lock");

        var open = await EngineProcess.RunAsync(workspace.Root, "issues", "open", "disk full", "--store", workspace.StorePath);
        var check = await EngineProcess.RunAsync(workspace.Root, "check", "--store", workspace.StorePath);

        var expected = $"The issue store '{workspace.StorePath}' cannot be opened: Access to the path '{workspace.StorePath}.lock' is denied. "
            + "Check that this user may read and write the file and its folder.";
        Assert.Equal((2, expected), (open.ExitCode, open.Stderr.Trim()));
        Assert.Equal((2, expected), (check.ExitCode, check.Stderr.Trim()));
    }

    [Fact]
    public void A_store_whose_folder_cannot_be_created_names_the_folder_and_the_store()
    {
        var file = Path.Combine(workspace.Root, "plain.txt");
        File.WriteAllText(file, "not a folder");
        var path = Path.Combine(file, "issues.db");

        var error = Assert.ThrowsAny<IOException>(() => IssueStore.Open(path));

        Assert.StartsWith($"The folder '{file}' of the issue store '{path}' cannot be created: ", error.Message);
    }

    [Fact]
    public async Task A_truncated_store_is_refused_as_damaged_by_every_command_and_left_exactly_as_it_was()
    {
        var truncated = Path.Combine(workspace.Root, "truncated.db");
        File.WriteAllBytes(truncated, File.ReadAllBytes(StoreWithIssues(300))[..20_000]);
        var pages = PagesInHeader(truncated);
        workspace.WriteRules("a.yaml", "assertions: [ { name: a, check: 'false' } ]");

        var list = await EngineProcess.RunAsync(workspace.Root, "issues", "list", "--store", truncated);
        var check = await EngineProcess.RunAsync(workspace.Root, "check", "--store", truncated);

        var expected = FormattableString.Invariant(
            $"The issue store '{truncated}' is damaged: the file holds 20,000 bytes, but its header counts {pages:N0} pages of 8 KiB ")
            + FormattableString.Invariant($"({pages * 8192:N0} bytes): it was cut short; move it, and its log file ")
            + $"'{Path.Combine(workspace.Root, "truncated-log.db")}' if present, aside, then restore it from a backup or let a new one be created.";
        Assert.Equal((2, expected), (list.ExitCode, list.Stderr.Trim()));
        Assert.Equal((2, expected, ""), (check.ExitCode, check.Stderr.Trim(), check.Stdout));
        Assert.Equal(20_000, new FileInfo(truncated).Length);
    }

    [Fact]
    public void A_store_cut_at_a_page_boundary_is_refused_as_damaged()
    {
        var truncated = Path.Combine(workspace.Root, "two-pages.db");
        File.WriteAllBytes(truncated, File.ReadAllBytes(StoreWithIssues(300))[..16_384]);

        var error = Assert.Throws<StoreDamagedException>(() => IssueStore.Open(truncated));

        Assert.Equal(truncated, error.StorePath);
        Assert.StartsWith("the file holds 16,384 bytes, but its header counts ", error.Problem);
        Assert.Equal(16_384, new FileInfo(truncated).Length);
    }

    [Fact]
    public void A_store_whose_pages_were_overwritten_is_refused_as_damaged_without_a_byte_written_to_it()
    {
        var overwritten = Path.Combine(workspace.Root, "zeroed.db");
        var bytes = File.ReadAllBytes(StoreWithIssues(300));
        Array.Clear(bytes, 8192, bytes.Length - 8192);
        File.WriteAllBytes(overwritten, bytes);

        var error = Assert.Throws<StoreDamagedException>(() => IssueStore.Open(overwritten));

        Assert.Equal("LiteDB cannot read it (page type must be collection page)", error.Problem);
        Assert.Equal(bytes, File.ReadAllBytes(overwritten));
    }

    [Fact]
    public void A_whole_store_opens_with_its_issues_after_the_checks()
    {
        var path = StoreWithIssues(300);

        using var store = IssueStore.Open(path);

        Assert.Equal(300, store.Count(IssueStatus.Open));
    }

    [Fact]
    public async Task A_store_given_through_a_symbolic_link_opens_as_its_target_and_shares_its_lock()
    {
        var target = StoreWithIssues(300);
        var link = Path.Combine(workspace.Root, "link.db");
        File.CreateSymbolicLink(link, target);

        var list = await EngineProcess.RunAsync(workspace.Root, "issues", "list", "--store", link, "--limit", "1");
        using var store = IssueStore.Open(link);

        Assert.Equal(0, list.ExitCode);
        Assert.EndsWith("1 of 300 issues shown, newest first; --limit 300 shows them all.", list.Stderr.Trim());
        Assert.Equal(300, store.Count(IssueStatus.Open));
        Assert.Equal(target, store.Path);
        Assert.Throws<StoreLockedException>(() => IssueStore.Open(target));
    }

    [Fact]
    public void A_truncated_store_given_through_a_symbolic_link_is_refused_as_damaged()
    {
        var target = StoreWithIssues(300);
        File.WriteAllBytes(target, File.ReadAllBytes(target)[..20_000]);
        var link = Path.Combine(workspace.Root, "link.db");
        File.CreateSymbolicLink(link, target);

        var error = Assert.Throws<StoreDamagedException>(() => IssueStore.Open(link));

        Assert.Equal(target, error.StorePath);
        Assert.StartsWith("the file holds 20,000 bytes, but its header counts ", error.Problem);
        Assert.Equal(20_000, new FileInfo(target).Length);
    }

    /// <summary>A store holding <paramref name="count"/> open issues, closed, at the workspace's store path.</summary>
    private string StoreWithIssues(int count)
    {
        using (var store = IssueStore.Open(workspace.StorePath))
        {
            for (var i = 0; i < count; i++)
            {
                store.MaybeOpen(new IssueKey($"issue {i}"), new JsonObject { ["padding"] = new string('x', 200) });
            }
        }

        return workspace.StorePath;
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(string path, uint mode);

    // LiteDB 5 keeps the id of the last page in use at byte 64 of the file's header page.
    private static long PagesInHeader(string path) => BitConverter.ToUInt32(File.ReadAllBytes(path), 64) + 1L;
}
