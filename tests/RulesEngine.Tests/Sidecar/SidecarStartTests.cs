using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using RulesEngine.Issues;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Sidecar;

/// <summary>
/// What the sidecar refuses at start (exit 2, one line on stderr naming the path or address, no stack trace) and how
/// it answers when its store fails later.
/// </summary>
public sealed class SidecarStartTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task A_store_path_that_is_a_directory_is_refused_with_exit_2()
    {
        var directory = Path.Combine(workspace.Root, "store-folder");
        Directory.CreateDirectory(directory);

        var result = await RunAsync("--store", directory);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"error: The issue store '{directory}' is a directory;", result.Stderr);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task A_damaged_store_is_refused_with_exit_2()
    {
        using (var store = IssueStore.Open(workspace.StorePath))
        {
            for (var i = 0; i < 100; i++)
            {
                store.MaybeOpen(new IssueKey($"issue {i}"), new JsonObject { ["padding"] = new string('x', 500) });
            }
        }

        File.WriteAllBytes(workspace.StorePath, File.ReadAllBytes(workspace.StorePath)[..20_000]);

        var result = await RunAsync();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"error: The issue store '{workspace.StorePath}' is damaged: the file holds 20,000 bytes", result.Stderr);
        AssertNoStackTrace(result);
        Assert.Equal(20_000, new FileInfo(workspace.StorePath).Length);
    }

    [Fact]
    public async Task A_port_already_in_use_is_refused_with_exit_2_naming_the_address()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

        var result = await RunAsync("--urls", address);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"error: Failed to bind to address {address}: address already in use. Stop the process that listens there, "
            + "or give another address with --urls (or the Urls setting).", result.Stderr);
        AssertNoStackTrace(result);
        Assert.False(Directory.Exists(Path.GetDirectoryName(workspace.StorePath)), "the store this start created is left behind");
    }

    [Fact]
    public async Task A_port_already_in_use_leaves_an_existing_store_folder_with_only_what_it_held()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var folder = Path.GetDirectoryName(workspace.StorePath)!;
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "kept");

        var result = await RunAsync("--urls", $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["keys", "notes.txt"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_missing_rules_directory_is_refused_with_exit_2()
    {
        var missing = Path.Combine(workspace.Root, "no-such-rules");

        var result = await RunAsync("--rules", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"error: The rules directory '{missing}' does not exist: create it, or give Rules (--rules) the folder that holds the rule files.",
            result.Stderr.Trim());
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task Durations_longer_than_30_days_are_refused_with_the_other_bad_settings_and_exit_2()
    {
        var settings = Path.Combine(workspace.Root, "settings.json");
        File.WriteAllText(settings, """
            { "CheckTimeout": "50d", "ShutdownGrace": "30d1s", "ActionTimeout": "30d", "RespondInterval": "31d",
              "PollInterval": "720h1s", "LogFormat": "xml" }
            """);

        var result = await RunAsync("--config", settings);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            [
                "error: Setting RespondInterval = '31d' is too long: at most 30d, as for a rule's timeout.",
                "error: Setting CheckTimeout = '50d' is too long: at most 30d, as for a rule's timeout.",
                "error: Setting ShutdownGrace = '30d1s' is too long: at most 30d, as for a rule's timeout.",
                "error: Setting PollInterval = '720h1s' is too long: at most 30d, as for a rule's timeout.",
                "error: Setting LogFormat = 'xml' is neither 'text' nor 'json'.",
            ],
            result.Stderr.Trim().ReplaceLineEndings("\n").Split('\n'));
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task A_settings_file_with_a_syntax_error_is_refused_naming_its_line_and_the_reason()
    {
        var settings = Path.Combine(workspace.Root, "rules-engine.json");
        File.WriteAllText(settings, "{\n  \"CheckTimeout\": \"10s\"\n  \"PollInterval\": \"1s\"\n}\n");

        var result = await RunAsync("--config", settings);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: the settings could not be read: {settings}:3: the settings file is not valid JSON: " +
            "'\"' is invalid after a value. Expected either ',', '}', or ']'.", result.Stderr.Trim());
        AssertNoStackTrace(result);
    }

    [Theory]
    [InlineData("{ \"Urls\": \"http://127.0.0.1:18622\", }", ":1: the settings file is not valid JSON: a comma after " +
        "the last value, which JSON does not allow")]
    [InlineData("// local settings\n{ \"Urls\": \"http://127.0.0.1:18622\" }", ":1: the settings file is not valid JSON: " +
        "a comment, which JSON does not allow")]
    [InlineData("[1]", ": the settings file must hold a JSON object ({ \"Urls\": ... }), not an array")]
    [InlineData(" \n", ": the settings file is empty; it must hold a JSON object, {} for no settings")]
    [InlineData("{ \"Urls\": \"http://127.0.0.1:18622\", \"urls\": \"http://127.0.0.1:18623\" }",
        ": the settings file cannot be used: A duplicate key 'urls' was found.")]
    public async Task A_settings_file_that_is_not_a_JSON_object_of_settings_is_refused_with_the_reason(string text,
        string problem)
    {
        var settings = Path.Combine(workspace.Root, "rules-engine.json");
        File.WriteAllText(settings, text);

        var result = await RunAsync("--config", settings);

        Assert.Equal((2, $"error: the settings could not be read: {settings}{problem}"), (result.ExitCode, result.Stderr.Trim()));
    }

    [Fact]
    public async Task A_settings_path_naming_a_directory_is_refused_as_a_directory_not_a_file()
    {
        var directory = Path.Combine(workspace.Root, "settings");
        Directory.CreateDirectory(directory);

        var result = await RunAsync("--config", directory);

        Assert.Equal((2, $"error: the settings could not be read: {directory}: the settings file is a directory, not a file"),
            (result.ExitCode, result.Stderr.Trim()));
    }

    [Fact]
    public async Task A_settings_path_naming_nothing_is_refused_as_missing()
    {
        var missing = Path.Combine(workspace.Root, "missing.json");

        var result = await RunAsync("--config", missing);

        Assert.Equal((2, $"error: the settings could not be read: {missing}: the settings file does not exist"),
            (result.ExitCode, result.Stderr.Trim()));
    }

    [Fact]
    public async Task A_rules_path_naming_a_file_is_refused_as_a_file_not_a_directory()
    {
        var file = workspace.WriteRules("a.yaml", "assertions: [ { name: a, check: 'true' } ]");

        var result = await RunAsync("--rules", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"error: The rules directory '{file}' is a file, not a directory: give Rules (--rules) the folder that holds the rule files, such as '{workspace.RulesDirectory}'.",
            result.Stderr.Trim());
    }

    [Fact]
    public async Task Readyz_answers_503_when_every_rule_file_failed_to_load_and_200_once_one_loads()
    {
        var path = workspace.WriteRules("broken.yaml", "assertions:\n  - name: broken\n    check: 'var x = ;'\n");
        workspace.WriteRules("unreadable.yaml", "assertions: [ { name: unclosed");
        await using var sidecar = await SidecarProcess.StartAsync(workspace);

        var broken = await sidecar.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, broken.StatusCode);
        Assert.Equal("not ready: no rules loaded: 2 files failed to load; see /api/rules for the errors\n", await broken.Content.ReadAsStringAsync());
        File.WriteAllText(path, "assertions: [ { name: fixed, check: 'true' } ]");
        await sidecar.WaitUntilAsync(async () => (await sidecar.Client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(10), "readiness once a file loads");
    }

    [Fact]
    public async Task Readyz_answers_503_with_the_reason_when_the_store_fails_while_the_sidecar_runs()
    {
        using (var store = IssueStore.Open(workspace.StorePath))
        {
            for (var i = 0; i < 500; i++)
            {
                store.MaybeOpen(new IssueKey($"issue {i}"), new JsonObject { ["padding"] = new string('x', 500) });
            }
        }

        await using var sidecar = await SidecarProcess.StartAsync(workspace);

        // Cut short under the running sidecar, as a full disk or a careless restore would: pages not read yet are gone.
        using (var file = new FileStream(workspace.StorePath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            file.SetLength(8192);
        }

        var list = await sidecar.Client.GetAsync("/api/issues?limit=1000");
        var ready = await sidecar.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.InternalServerError, list.StatusCode);
        var error = JsonNode.Parse(await list.Content.ReadAsStringAsync())!["error"]!.GetValue<string>();
        Assert.StartsWith("The engine failed to answer GET /api/issues: ", error);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.StartsWith("not ready: the issue store is not usable: ", await ready.Content.ReadAsStringAsync());
    }

    private Task<ProcessResult> RunAsync(params string[] arguments)
    {
        var defaults = new Dictionary<string, string>
        {
            ["--rules"] = workspace.RulesDirectory,
            ["--store"] = workspace.StorePath,
            ["--urls"] = "http://127.0.0.1:0",
        };
        for (var i = 0; i < arguments.Length; i += 2)
        {
            defaults[arguments[i]] = arguments[i + 1];
        }

        return EngineProcess.RunAsync(workspace.Root, ["run", .. defaults.SelectMany(pair => new[] { pair.Key, pair.Value })]);
    }

    private static void AssertNoStackTrace(ProcessResult result)
    {
        Assert.DoesNotContain("Unhandled exception", result.ToString());
        Assert.DoesNotContain("   at ", result.ToString());
    }
}
