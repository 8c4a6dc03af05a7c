using System.Net;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using RulesEngine.Compilation;
using RulesEngine.Loading;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Loading;

/// <summary>
/// Entries of the rules directory that are not regular files (a FIFO, a link to a device) are reported and never
/// opened: opening a FIFO waits for a writer forever, and a device may never end.
/// </summary>
public sealed class SpecialFileTests : IDisposable
{
    private const string NotRegular = "not a regular file: it is a named pipe (FIFO), and was not opened; a rule " +
        "file must be a regular file or a symbolic link to one";

    // Well past a load of two small files; without the fix these waits end in a timeout rather than hang the run.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task A_fifo_named_like_a_rule_file_is_an_error_of_its_path_and_the_other_files_load()
    {
        var pipe = MakeFifo("pipe.yaml");
        var fine = workspace.WriteRules("fine.yaml", "assertions: [ { name: fine, check: 'true' } ]");

        var rules = await Task.Run(() => new RuleSetLoader(new RuleCompiler()).Load(workspace.RulesDirectory)).WaitAsync(Patience);

        var error = Assert.Single(rules.Errors);
        Assert.Equal((pipe, 1, 1, null), (error.Location.File, error.Location.Line, error.Location.Column, error.Rule));
        Assert.Equal(NotRegular, error.Message);
        Assert.Equal(["fine"], rules.Assertions.Select(rule => rule.Name));
        Assert.Equal([fine], rules.Files.Select(file => file.Path));
    }

    [Fact]
    public async Task A_symbolic_link_to_a_fifo_or_to_a_device_is_not_opened_either()
    {
        var pipe = MakeFifo("pipe.fifo");
        var linkToPipe = Path.Combine(workspace.RulesDirectory, "pipe.yaml");
        File.CreateSymbolicLink(linkToPipe, pipe);
        var linkToDevice = Path.Combine(workspace.RulesDirectory, "zero.yaml");
        File.CreateSymbolicLink(linkToDevice, "/dev/zero");

        var rules = await Task.Run(() => new RuleSetLoader(new RuleCompiler()).Load(workspace.RulesDirectory)).WaitAsync(Patience);

        Assert.Equal(
            [(linkToPipe, NotRegular), (linkToDevice, NotRegular.Replace("a named pipe (FIFO)", "a character device"))],
            rules.Errors.Select(error => (error.Location.File, error.Message)));
    }

    [Fact]
    public async Task The_watchers_content_poll_does_not_open_a_fifo()
    {
        workspace.WriteRules("fine.yaml", "assertions: [ { name: fine, check: 'true' } ]");
        var before = RulesWatcher.Fingerprint(workspace.RulesDirectory);

        MakeFifo("pipe.yaml");
        var after = await Task.Run(() => RulesWatcher.Fingerprint(workspace.RulesDirectory)).WaitAsync(Patience);

        Assert.NotEqual(before, after);
        Assert.Equal(after, RulesWatcher.Fingerprint(workspace.RulesDirectory));
    }

    [Fact]
    public async Task The_sidecar_with_a_fifo_in_its_rules_starts_reports_it_once_and_still_loads_new_files()
    {
        var pipe = MakeFifo("pipe.yaml");
        await using var sidecar = await SidecarProcess.StartAsync(workspace);

        workspace.WriteRules("new.yaml", "assertions: [ { name: added later, check: 'true' } ]");
        using var reload = await sidecar.Client.PostAsync("/-/reload", null);
        var rules = await sidecar.GetJsonAsync("/api/rules");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reload.StatusCode);
        var error = Assert.Single((await reload.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!.AsArray())!;
        Assert.Equal((pipe, NotRegular), (error["location"]!["file"]!.GetValue<string>(), error["message"]!.GetValue<string>()));
        Assert.Equal(["added later"], rules["rules"]!.AsArray().Select(rule => rule!["name"]!.GetValue<string>()));
    }

    private string MakeFifo(string name)
    {
        var path = Path.Combine(workspace.RulesDirectory, name);
        Assert.Equal(0, MakeFifo(path, Convert.ToUInt32("644", 8)));
        return path;
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(string path, uint mode);
}
