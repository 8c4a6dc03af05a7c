using System.Text.Json;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Robustness;

/// <summary>
/// A store damaged in its middle, where the checks at open do not read: every command that meets the damage says the
/// store is damaged in one line and exits 2, and a rule that meets it blames the store, not its source.
/// </summary>
public sealed class StoreDamagedInUseTests : IDisposable
{
    // LiteDB 5's pages are 8 KiB; byte 4 of each is its type, 4 for a page of documents. Which page holds what depends
    // on the order LiteDB wrote them in, so the page is found rather than assumed.
    private const int PageSize = 8192;
    private const int PageTypeOffset = 4;
    private const byte DataPage = 4;

    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task Commands_that_meet_damage_in_the_middle_of_the_store_print_the_damaged_store_line_and_exit_2()
    {
        await DamagedStoreAsync();

        var list = await EngineProcess.RunAsync(workspace.Root, "issues", "list", "--limit", "10000");
        var respond = await EngineProcess.RunAsync(workspace.Root, "respond");

        var expected = $"The issue store '{workspace.StorePath}' is damaged: LiteDB failed on it while in use (";
        Assert.True(list.ExitCode == 2, list.ToString());
        Assert.StartsWith(expected, Assert.Single(list.Stderr.Trim().Split('\n')));
        Assert.True(respond.ExitCode == 2, respond.ToString());
        Assert.StartsWith(expected, Assert.Single(respond.Stderr.Trim().Split('\n')));
        Assert.EndsWith("if present, aside, then restore it from a backup or let a new one be created.", respond.Stderr.Trim());
    }

    [Fact]
    public async Task A_model_assertion_that_meets_damage_in_the_store_blames_the_store_not_its_source()
    {
        await DamagedStoreAsync();

        var check = await EngineProcess.RunAsync(workspace.Root, "check", "--json");

        Assert.True(check.ExitCode == 2, check.ToString());
        var rule = JsonDocument.Parse(check.Stdout).RootElement.GetProperty("rules")[0];
        Assert.Equal("Error", rule.GetProperty("outcome").GetString());
        Assert.StartsWith("the issue store could not be read, so no issue was changed: LiteException: ",
            rule.GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_assertion_whose_store_fails_blames_the_store_not_its_check()
    {
        workspace.WriteRules("a.yaml", "assertions: [ { name: disk full, check: 'false' } ]");
        var engine = workspace.OpenEngine();
        engine.Issues.Dispose();

        var report = await engine.RunAsync(engine.Rules.Assertions[0]);

        Assert.Equal(RulesEngine.Checking.RuleOutcome.Error, report.Outcome);
        Assert.StartsWith("the issue store could not be written: ObjectDisposedException: ", report.Error);
    }

    [Theory]
    [InlineData(0xAB)]
    [InlineData(0x00)]
    public async Task A_data_page_filled_with_one_byte_is_damage_to_the_library_and_the_command_line(byte fill)
    {
        FilledStore(fill, resolved: false);

        var (damagedId, error) = FirstUnreadableIssue();
        var show = await EngineProcess.RunAsync(workspace.Root, "issues", "show", $"{damagedId}");
        using (var store = RulesEngine.Issues.IssueStore.Open(workspace.StorePath))
        {
            // Its own key reads the issue's document again: before, an ArgumentNullException, which the API took for the
            // client's mistake (400).
            Assert.Throws<RulesEngine.Issues.StoreDamagedException>(
                () => store.MaybeOpen(new RulesEngine.Issues.IssueKey($"bulk {damagedId - 1}"), null));
        }

        Assert.StartsWith($"The issue store '{workspace.StorePath}' is damaged: ", error.Message);
        Assert.EndsWith("if present, aside, then restore it from a backup or let a new one be created.", error.Message);
        Assert.Equal((2, "", error.Message), (show.ExitCode, show.Stdout, show.Stderr.Trim()));
    }

    [Fact]
    public async Task A_list_that_meets_a_data_page_of_zeros_prints_the_damaged_store_line_and_exits_2()
    {
        FilledStore(0x00, resolved: false);

        var list = await EngineProcess.RunAsync(workspace.Root, "issues", "list", "--limit", "1000");

        Assert.True(list.ExitCode == 2, list.ToString());
        Assert.StartsWith($"The issue store '{workspace.StorePath}' is damaged: LiteDB failed on it while in use (NotSupportedException: ",
            Assert.Single(list.Stderr.Trim().Split('\n')));
    }

    [Fact]
    public async Task A_sidecar_that_meets_damage_in_the_middle_of_the_store_answers_500_and_is_then_not_ready()
    {
        // Resolved, so that the respond pass at start reads none of them and the sidecar gets ready.
        FilledStore(0xAB, resolved: true);
        var (damagedId, _) = FirstUnreadableIssue();
        await using var sidecar = await SidecarProcess.StartAsync(workspace);

        var get = await sidecar.Client.GetAsync($"/api/issues/{damagedId}");
        var resolve = await sidecar.Client.PostAsync($"/api/issues/{damagedId}/resolve", null);
        var ready = await sidecar.Client.GetAsync("/readyz");

        var expected = $"The issue store '{workspace.StorePath}' is damaged: ";
        Assert.Contains(expected, await Api.IssueEndpointsTests.ErrorAsync(get, System.Net.HttpStatusCode.InternalServerError));
        Assert.Contains(expected, await Api.IssueEndpointsTests.ErrorAsync(resolve, System.Net.HttpStatusCode.InternalServerError));
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.StartsWith($"not ready: the issue store is not usable: {expected}", await ready.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// The workspace's store holding 170 issues (open, or resolved) with a little text each, one data page in the middle filled with
    /// <paramref name="fill"/> from its byte 40 to its byte 8,000: its header left whole, its documents' bytes not.
    /// </summary>
    private void FilledStore(byte fill, bool resolved)
    {
        using (var store = RulesEngine.Issues.IssueStore.Open(workspace.StorePath))
        {
            for (var i = 0; i < 170; i++)
            {
                var details = System.Text.Json.Nodes.JsonNode.Parse($$"""{"note": "{{new string('x', 300)}}"}""");
                var issue = store.MaybeOpen(new RulesEngine.Issues.IssueKey($"bulk {i}"), details).Issue;
                if (resolved)
                {
                    store.Resolve(issue.Id, "fixed");
                }
            }
        }

        using var file = new FileStream(workspace.StorePath, FileMode.Open, FileAccess.ReadWrite);
        file.Position = (MiddleDataPage(file) * PageSize) + 40;
        file.Write(Enumerable.Repeat(fill, 8000 - 40).ToArray());
    }

    /// <summary>The first issue, by id, that the store cannot read, and the store's exception for it.</summary>
    private (long Id, RulesEngine.Issues.StoreDamagedException Error) FirstUnreadableIssue()
    {
        using var store = RulesEngine.Issues.IssueStore.Open(workspace.StorePath);
        for (var id = 1L; id <= 170; id++)
        {
            try
            {
                store.Get(id);
            }
            catch (RulesEngine.Issues.StoreDamagedException error)
            {
                return (id, error);
            }
        }

        throw new InvalidOperationException("Every issue could be read: the damage missed the documents.");
    }

    /// <summary>
    /// The workspace's store holding 6,000 open issues of a model assertion over a JSON file (5 MB), one of its data
    /// pages in the middle overwritten with 8 KiB of random bytes: past what the checks at open read (the header, the
    /// first and the last issue), and read by anything that reads every issue.
    /// </summary>
    private async Task DamagedStoreAsync()
    {
        var records = Enumerable.Range(0, 6_000).Select(i => new { id = $"{i}", ok = false, note = new string('x', 400) });
        File.WriteAllText(Path.Combine(workspace.Root, "items.json"), JsonSerializer.Serialize(records));
        workspace.WriteRules("items.yaml", """
            model_assertions:
              - name: items ok
                source: { json: ../items.json }
                key: id
                fields: { id: string, ok: bool }
                check: record.ok
                timeout: 5m
            responders:
              - watch: items
                actions:
                  - log: "{{ issue.name }}"
            """);
        using (var engine = RulesEngine.Engine.Open(workspace.Options))
        {
            engine.LoadRules();
            var summary = await engine.CheckAsync();
            Assert.Equal(1, summary.Failed);
        }

        // Every page must be in the store itself: a page still in LiteDB's log would be read from there, and the
        // damage never met. LiteDB copies the log into the store on close only when no other thread holds a lock, so
        // the store is opened and closed once more, alone.
        using (RulesEngine.Issues.IssueStore.Open(workspace.StorePath))
        {
        }

        Assert.False(File.Exists(Path.Combine(workspace.Root, "data", "issues-log.db")), "the store was closed with its log");

        var noise = new byte[PageSize];
        new Random(3).NextBytes(noise);
        noise[PageTypeOffset] = 0xEE;
        using var file = new FileStream(workspace.StorePath, FileMode.Open, FileAccess.ReadWrite);
        file.Position = MiddleDataPage(file) * PageSize;
        file.Write(noise);
    }

    private static long MiddleDataPage(FileStream file)
    {
        var header = new byte[PageTypeOffset + 1];
        var pages = file.Length / PageSize;
        for (var page = pages / 2; page < pages * 3 / 4; page++)
        {
            file.Position = page * PageSize;
            file.ReadExactly(header);
            if (header[PageTypeOffset] == DataPage)
            {
                return page;
            }
        }

        throw new InvalidOperationException($"No data page in the middle of the store's {pages} pages.");
    }
}
