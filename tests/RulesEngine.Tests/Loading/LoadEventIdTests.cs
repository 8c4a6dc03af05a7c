using Microsoft.Extensions.Logging;
using RulesEngine.Loading;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Loading;

/// <summary>
/// Loads and reloads are logged under the ids README.md's table promises: 100 at start, 101 per error of a rule
/// file (at start and on reload), 102 for a reload that took effect, 103 for one that failed.
/// </summary>
public sealed class LoadEventIdTests : IDisposable
{
    private readonly Workspace workspace = new();
    private readonly RecordingLoggerFactory logs = new();
    private Engine? opened;

    public void Dispose()
    {
        opened?.Dispose();
        workspace.Dispose();
    }

    [Fact]
    public void The_load_at_start_is_logged_as_RulesLoaded_and_each_error_of_a_file_as_RuleFileError()
    {
        workspace.WriteRules("good.yaml", "assertions: [ { name: good, check: 'true' } ]");
        var broken = workspace.WriteRules("broken.yaml", "assertions:\n  - name: broken\n    check: 'true +'\n");
        var (engine, reloader) = Open();

        reloader.LoadAtStart();

        var entries = ReloaderEntries();
        Assert.Equal([EngineEvents.RuleFileError.Id, EngineEvents.RulesLoaded.Id], entries.Select(entry => entry.EventId.Id).Distinct());
        Assert.All(entries.Where(entry => entry.EventId == EngineEvents.RuleFileError), entry =>
        {
            Assert.Equal(LogLevel.Warning, entry.Level);
            Assert.StartsWith($"{broken}:3:", entry.Message);
            Assert.Contains(": rule 'broken': ", entry.Message);
        });
        var loaded = Assert.Single(entries, entry => entry.EventId == EngineEvents.RulesLoaded);
        Assert.Matches(@"^Loaded 1 rule from 2 files \(start\) in \d+ ms; 1 file had errors, logged above$", loaded.Message);
        Assert.Equal(["good"], engine.Rules.Assertions.Select(rule => rule.Name));
    }

    [Fact]
    public void A_clean_start_logs_only_RulesLoaded_and_a_later_reload_that_took_effect_RulesReloaded()
    {
        workspace.WriteRules("good.yaml", "assertions: [ { name: good, check: 'true' } ]");
        var (_, reloader) = Open();

        reloader.LoadAtStart();
        workspace.WriteRules("more.yaml", "assertions: [ { name: more, check: 'true' } ]");
        reloader.Reload("SIGHUP");

        var entries = ReloaderEntries();
        Assert.Equal([EngineEvents.RulesLoaded.Id, EngineEvents.RulesReloaded.Id], entries.Select(entry => entry.EventId.Id));
        Assert.Matches(@"^Loaded 1 rule from 1 file \(start\) in \d+ ms$", entries[0].Message);
        Assert.Matches(@"^Reloaded 2 rules from 2 files \(SIGHUP\) in \d+ ms$", entries[1].Message);
    }

    [Fact]
    public void A_reload_with_a_broken_file_logs_its_errors_as_RuleFileError_and_one_ReloadFailed()
    {
        var path = workspace.WriteRules("a.yaml", "assertions: [ { name: a, check: 'true' } ]");
        var (engine, reloader) = Open();
        reloader.LoadAtStart();

        File.WriteAllText(path, "assertions: [ { name: a, check: 'true +' } ]");
        var result = reloader.Reload("API");

        var entries = ReloaderEntries().Skip(1).ToList();
        Assert.Equal(result.Errors.Count, entries.Count(entry => entry.EventId == EngineEvents.RuleFileError));
        Assert.All(entries.SkipLast(1), entry => Assert.Equal(EngineEvents.RuleFileError, entry.EventId));
        var failed = entries[^1];
        Assert.Equal((EngineEvents.ReloadFailed, LogLevel.Error), (failed.EventId, failed.Level));
        Assert.Equal(2, result.Errors.Count);
        Assert.Equal($"Reloading {workspace.RulesDirectory} (API) failed: 2 errors in 1 file, logged " +
            "above; each keeps its last good version, and 1 rule from 1 file runs", failed.Message);
        Assert.DoesNotContain(ReloaderEntries(), entry => entry.EventId == EngineEvents.RulesReloaded);
        Assert.Equal(["a"], engine.Rules.Assertions.Select(rule => rule.Name));
    }

    [Fact]
    public void An_error_of_a_file_as_a_whole_names_no_rule_rather_than_a_null_one()
    {
        var path = workspace.WriteRules("a.yaml", "assertions: [ { name: a, check: 'true' ");
        var (engine, reloader) = Open();

        reloader.LoadAtStart();

        var error = Assert.Single(engine.Rules.Errors);
        Assert.Equal((path, null), (error.Location.File, error.Rule));
        var logged = Assert.Single(ReloaderEntries(), entry => entry.EventId == EngineEvents.RuleFileError);
        Assert.Equal($"{path}:{error.Location.Line}:{error.Location.Column}: {error.Message}", logged.Message);
    }

    private (Engine Engine, RulesReloader Reloader) Open()
    {
        opened = Engine.Open(workspace.Options with { LoggerFactory = logs });
        return (opened, new RulesReloader(opened));
    }

    private List<LoggedEntry> ReloaderEntries() =>
        logs.Entries.Where(entry => entry.Category == typeof(RulesReloader).FullName).ToList();
}
