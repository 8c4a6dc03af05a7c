using System.Text.Json.Nodes;
using RulesEngine.Issues;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Cli;

/// <summary><c>rules-engine issues</c>, run as a separate process on the workspace's store.</summary>
public sealed class IssuesCommandTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task Reopen_while_a_newer_issue_has_the_key_exits_2_naming_it_on_stderr()
    {
        long first, second;
        using (var store = IssueStore.Open(workspace.StorePath))
        {
            first = store.MaybeOpen(new IssueKey("twin"), null).Issue.Id;
            store.Resolve(first, "fixed");
            second = store.MaybeOpen(new IssueKey("twin"), null).Issue.Id;
        }

        var result = await EngineProcess.RunAsync(workspace.Root, "issues", "reopen", $"{first}");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith($"Issue {first} cannot be reopened: issue {second} with the same name 'twin' is already open",
            result.Stderr);
        using var reopened = IssueStore.Open(workspace.StorePath);
        Assert.Equal(IssueStatus.Resolved, reopened.Get(first)!.Status);
    }

    [Fact]
    public async Task Open_refuses_details_deeper_than_the_store_keeps_and_details_at_the_limit_print_in_every_form()
    {
        var deep = await EngineProcess.RunAsync(workspace.Root, "issues", "open", "deep", "--details", Nested(33));
        var beyondParser = await EngineProcess.RunAsync(workspace.Root, "issues", "open", "deep", "--details", Nested(1000));
        var atLimit = await EngineProcess.RunAsync(workspace.Root, "issues", "open", "deep", "--details", Nested(32));
        var list = await EngineProcess.RunAsync(workspace.Root, "issues", "list");
        var listJson = await EngineProcess.RunAsync(workspace.Root, "issues", "list", "--json");
        var show = await EngineProcess.RunAsync(workspace.Root, "issues", "show", "1");
        var showJson = await EngineProcess.RunAsync(workspace.Root, "issues", "show", "1", "--json");

        Assert.Equal((2, "The details nest arrays and objects deeper than 32 levels, the most the issue store keeps; flatten them."),
            (deep.ExitCode, deep.Stderr.Trim()));
        Assert.Equal((2, deep.Stderr), (beyondParser.ExitCode, beyondParser.Stderr));
        Assert.True(atLimit.ExitCode == 0, atLimit.ToString());
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Equal(Nested(32), JsonNode.Parse(listJson.Stdout)![0]!["details"]!.ToJsonString());
        Assert.Equal(Nested(32), JsonNode.Parse(showJson.Stdout)!["details"]!.ToJsonString());
    }

    [Theory]
    [InlineData("--details is ambiguous: the property 'x' appears twice in one object; give it once.", "--details", """{"x": 1, "x": 2}""")]
    [InlineData("--details holds a lone UTF-16 surrogate, which is not text: ", "--details", """{"x": "\ud800"}""")]
    [InlineData("The record key is empty; give the record's key, or none for an issue about no record.", "--record", "")]
    [InlineData("A key in the details 'a\\0b' holds a NUL character (U+0000) at position 2; the issue store cannot keep it in a key.", "--details", """{"a\u0000b": 1}""")]
    public async Task Open_refuses_details_or_a_record_key_it_cannot_keep_with_one_line_and_exit_2(string expected, params string[] options)
    {
        var result = await EngineProcess.RunAsync(workspace.Root, ["issues", "open", "new one", .. options]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(expected, Assert.Single(result.Stderr.Trim().Split('\n')));
        using var store = IssueStore.Open(workspace.StorePath);
        Assert.Empty(store.Find(new IssueQuery()));
    }

    [Fact]
    public async Task An_argument_that_is_not_utf8_exits_2_and_one_that_holds_a_typed_replacement_character_is_kept()
    {
        // The shell hands the process the byte 0xE9, a Latin-1 "é", which no UTF-8 text holds.
        var latin1 = await RunInBashAsync($"exec dotnet '{EngineProcess.AssemblyPath}' issues open $'caf\\xe9 down'");
        var typed = await EngineProcess.RunAsync(workspace.Root, "issues", "open", "caf\ufffd down");

        Assert.Equal(2, latin1.ExitCode);
        Assert.StartsWith("The argument 'caf\ufffd down' is not UTF-8 text", latin1.Stderr);
        Assert.True(typed.ExitCode == 0, typed.ToString());
        using var store = IssueStore.Open(workspace.StorePath);
        Assert.Equal("caf\ufffd down", Assert.Single(store.Find(new IssueQuery())).Name);
    }

    private async Task<ProcessResult> RunInBashAsync(string script)
    {
        var start = new System.Diagnostics.ProcessStartInfo("bash")
        {
            WorkingDirectory = workspace.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Arrays nested <paramref name="levels"/> deep around the number 1, as JSON text.</summary>
    private static string Nested(int levels) => new string('[', levels) + "1" + new string(']', levels);

    [Fact]
    public async Task Resolve_of_a_wont_fix_issue_exits_2_saying_to_reopen_it_and_of_a_resolved_one_exits_0()
    {
        long wontFix, resolved;
        using (var store = IssueStore.Open(workspace.StorePath))
        {
            wontFix = store.MaybeOpen(new IssueKey("flaky disk"), null).Issue.Id;
            store.MarkWontFix(wontFix);
            resolved = store.MaybeOpen(new IssueKey("full disk"), null).Issue.Id;
            store.Resolve(resolved, "freed");
        }

        var refused = await EngineProcess.RunAsync(workspace.Root, "issues", "resolve", $"{wontFix}");
        var again = await EngineProcess.RunAsync(workspace.Root, "issues", "resolve", $"{resolved}");

        Assert.Equal((2, "", $"Issue {wontFix} is won't-fix; reopen it to change it."), (refused.ExitCode, refused.Stdout, refused.Stderr.Trim()));
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("status:     Resolved", again.Stdout);
        using var after = IssueStore.Open(workspace.StorePath);
        Assert.Equal(IssueStatus.WontFix, after.Get(wontFix)!.Status);
    }

    [Fact]
    public async Task A_command_that_only_reads_says_an_empty_store_file_holds_nothing_yet_and_leaves_it_empty()
    {
        var empty = Path.Combine(workspace.Root, "empty.db");
        File.WriteAllBytes(empty, []);

        var result = await EngineProcess.RunAsync(workspace.Root, "issues", "list", "--store", empty);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"The issue store '{empty}' is an empty file: no issue or heartbeat was ever recorded in it, so there is nothing to read yet.",
            result.Stderr.Trim());
        Assert.Equal(0, new FileInfo(empty).Length);
    }

    [Theory]
    [InlineData("list")]
    [InlineData("show", "1")]
    [InlineData("resolve", "1")]
    [InlineData("wontfix", "1")]
    [InlineData("reopen", "1")]
    public async Task A_command_that_reads_or_changes_issues_refuses_a_missing_store_and_creates_nothing(params string[] command)
    {
        var missing = Path.Combine(workspace.Root, "typo", "issues.db");

        var result = await EngineProcess.RunAsync(workspace.Root, ["issues", .. command, "--store", missing]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"There is no issue store at '{missing}': check the path. Only what records issues or heartbeats creates a store.",
            result.Stderr.Trim());
        Assert.False(Directory.Exists(Path.Combine(workspace.Root, "typo")));
    }

    [Fact]
    public async Task Open_and_heartbeat_create_a_missing_store_and_its_folder()
    {
        var opened = Path.Combine(workspace.Root, "new", "issues.db");
        var beaten = Path.Combine(workspace.Root, "other", "issues.db");

        var open = await EngineProcess.RunAsync(workspace.Root, "issues", "open", "disk full", "--store", opened);
        var heartbeat = await EngineProcess.RunAsync(workspace.Root, "heartbeat", "billing", "--store", beaten);

        Assert.Equal((0, 0), (open.ExitCode, heartbeat.ExitCode));
        using var store = IssueStore.OpenExisting(opened);
        Assert.Equal("disk full", Assert.Single(store.Find(new IssueQuery())).Name);
        Assert.True(File.Exists(beaten));
    }

    [Theory]
    [InlineData("   ", null, "The issue name is only white space; a name needs some text.")]
    [InlineData("export\tfailed", null, "The issue name 'export\\tfailed' holds a control character (a tab or a line break, say) at position 7; a name is one line of text.")]
    [InlineData("export failed", "batch\n7", "The record key 'batch\\n7' holds a control character (a tab or a line break, say) at position 6; a record key is one line of text.")]
    public async Task Open_refuses_what_rule_files_refuse_with_exit_2(string name, string? record, string expected)
    {
        string[] arguments = record is null ? ["issues", "open", name] : ["issues", "open", name, "--record", record];

        var result = await EngineProcess.RunAsync(workspace.Root, arguments);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, result.Stderr.TrimEnd());
        using var store = IssueStore.Open(workspace.StorePath);
        Assert.Empty(store.Find(new IssueQuery()));
    }

    [Fact]
    public async Task Open_with_a_record_key_over_the_limit_exits_2_saying_the_limit_and_the_length()
    {
        var result = await EngineProcess.RunAsync(workspace.Root, "issues", "open", "export failed", "--record", new string('r', 600));

        Assert.Equal(2, result.ExitCode);
        Assert.EndsWith("(cut; 600 characters) is 600 bytes long in UTF-8; a record key is at most 512 bytes, so that " +
            "the issue store can index it.", result.Stderr.TrimEnd());
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public async Task List_with_a_limit_that_is_not_a_count_is_a_usage_error_with_exit_2(string limit)
    {
        var result = await EngineProcess.RunAsync(workspace.Root, "issues", "list", "--limit", limit);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"--limit must be a whole number from 0 to 2147483647 (how many issues to list); found '{limit}'.\n"
            + "Run with --help for usage.", result.Stderr.TrimEnd().ReplaceLineEndings("\n"));
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Bad_values_of_every_other_option_and_argument_are_usage_errors_with_exit_2()
    {
        var noLimit = await EngineProcess.RunAsync(workspace.Root, "issues", "list", "--limit");
        var status = await EngineProcess.RunAsync(workspace.Root, "issues", "list", "--status", "7");
        var id = await EngineProcess.RunAsync(workspace.Root, "issues", "show", "abc");
        var resolve = await EngineProcess.RunAsync(workspace.Root, "issues", "resolve", "1.5");

        Assert.Equal((2, "Required argument missing for option: '--limit'."), (noLimit.ExitCode, FirstLine(noLimit.Stderr)));
        Assert.Equal((2, "--status must be Open, Resolved or WontFix; found '7'."), (status.ExitCode, FirstLine(status.Stderr)));
        Assert.Equal((2, "ID must be a whole number from 1 to 9223372036854775807 (the issue's id, as issues list shows it); found 'abc'."),
            (id.ExitCode, FirstLine(id.Stderr)));
        Assert.Equal(2, resolve.ExitCode);
        Assert.EndsWith("found '1.5'.", FirstLine(resolve.Stderr));
        Assert.All(new[] { noLimit, status, id, resolve }, result => Assert.DoesNotContain("Unhandled", result.Stderr));
        Assert.False(File.Exists(workspace.StorePath), "a usage error opens no store");
    }

    [Fact]
    public async Task List_cut_at_its_limit_says_so_on_stderr_and_keeps_the_json_on_stdout_clean()
    {
        using (var store = IssueStore.Open(workspace.StorePath))
        {
            for (var i = 0; i < 1_500; i++)
            {
                store.MaybeOpen(new IssueKey("disk full", $"{i}"), null, "disks");
            }
        }

        var text = await EngineProcess.RunAsync(workspace.Root, "issues", "list");
        var json = await EngineProcess.RunAsync(workspace.Root, "issues", "list", "--json", "--limit", "10");
        var all = await EngineProcess.RunAsync(workspace.Root, "issues", "list", "--limit", "1500");

        Assert.Equal(0, text.ExitCode);
        Assert.EndsWith("50 issues", text.Stdout.TrimEnd());
        Assert.Equal("50 of 1,500 issues shown, newest first; --limit 1500 shows them all.", text.Stderr.TrimEnd());
        Assert.Equal(0, json.ExitCode);
        Assert.Equal(10, System.Text.Json.Nodes.JsonNode.Parse(json.Stdout)!.AsArray().Count);
        Assert.Equal("10 of 1,500 issues shown, newest first; --limit 1500 shows them all.", json.Stderr.TrimEnd());
        Assert.Equal("", all.Stderr);
    }

    private static string FirstLine(string text) => text.ReplaceLineEndings("\n").Split('\n')[0];
}
