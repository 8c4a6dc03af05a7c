using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using RulesEngine.Compilation;
using RulesEngine.Loading;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Loading;

/// <summary>
/// A reload that fails, by errors or by throwing, is recorded as failed everywhere the last reload is read (its
/// result, the log, the API and the metrics), while the last good rules keep running; the next good reload succeeds.
/// </summary>
public sealed class FailedReloadTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void A_reload_that_throws_is_recorded_as_failed_with_its_message_and_the_last_good_rules_keep_running()
    {
        workspace.WriteRules("good.yaml", "assertions: [ { name: good, check: 'true' } ]");
        var logs = new RecordingLoggerFactory();
        using var engine = workspace.OpenEngine(workspace.Options with { LoggerFactory = logs });
        var failing = false;
        var reloader = new RulesReloader(engine, () => failing
            ? throw new AggregateException(new InsufficientExecutionStackException("the stack ran out"))
            : engine.LoadRules());
        var reloaded = new List<RuleSet>();
        reloader.Reloaded += reloaded.Add;
        reloader.Reload("start");
        var good = engine.Rules;

        failing = true;
        var result = reloader.Reload("API");

        Assert.Same(result, reloader.Last);
        Assert.Equal((false, 1, 1, 1L, 1L), (result.Success, result.Files, result.Rules, reloader.Successes, reloader.Failures));
        var error = Assert.Single(result.Errors);
        Assert.Equal((workspace.RulesDirectory, 1, 1, null), (error.Location.File, error.Location.Line, error.Location.Column, error.Rule));
        Assert.Equal("the reload failed, and the rules of the last good load keep running: " +
            "InsufficientExecutionStackException: the stack ran out", error.Message);
        Assert.Equal([good, good], reloaded);
        Assert.Same(good, engine.Rules);
        var logged = Assert.Single(logs.Entries, entry => entry.EventId == EngineEvents.RuleFileError);
        Assert.Equal((LogLevel.Error, $"Loading {workspace.RulesDirectory} (API) failed: the stack ran out"), (logged.Level, logged.Message));
        var failed = Assert.Single(logs.Entries, entry => entry.EventId == EngineEvents.ReloadFailed);
        Assert.Equal($"Reloading {workspace.RulesDirectory} (API) failed: 1 error in 1 file, logged above; each keeps " +
            "its last good version, and 1 rule from 1 file runs", failed.Message);

        failing = false;
        workspace.WriteRules("more.yaml", "assertions: [ { name: more, check: 'true' } ]");
        Assert.True(reloader.Reload("poll").Success);
        Assert.Equal(["good", "more"], engine.Rules.Assertions.Select(rule => rule.Name));
    }

    [Fact]
    public void A_reload_that_throws_on_one_file_names_that_file_and_the_last_good_rules_keep_running()
    {
        workspace.WriteRules("good.yaml", "assertions: [ { name: good, check: 'true' } ]");
        var logs = new RecordingLoggerFactory();
        using var engine = workspace.OpenEngine(workspace.Options with { LoggerFactory = logs });
        engine.LoadRules();
        var good = engine.Rules;
        var trips = workspace.WriteRules("trips.yaml", "assertions: [ { name: trips, check: 'true' } ]");
        workspace.WriteRules("more.yaml", "assertions: [ { name: more, check: 'true' } ]");

        // Compiling trips.yaml runs out of memory, as the tester's file of aliases of a long text did.
        var compiler = new RuleCompiler();
        var loader = new RuleSetLoader(definition => definition.Path == trips
            ? throw new OutOfMemoryException("Insufficient memory to continue the execution of the program.")
            : compiler.Compile(definition));
        var reloader = new RulesReloader(engine, () => loader.Load(workspace.RulesDirectory, engine.Rules));
        var result = reloader.Reload("file change");

        Assert.Equal((false, 1L), (result.Success, reloader.Failures));
        var error = Assert.Single(result.Errors);
        Assert.Equal((trips, 1, 1, null), (error.Location.File, error.Location.Line, error.Location.Column, error.Rule));
        Assert.Equal("the reload failed, and the rules of the last good load keep running: OutOfMemoryException: " +
            "Insufficient memory to continue the execution of the program.", error.Message);
        Assert.Same(good, engine.Rules);
        Assert.Equal(["good"], engine.Rules.Assertions.Select(rule => rule.Name));
        var logged = Assert.Single(logs.Entries, entry => entry.EventId == EngineEvents.RuleFileError);
        Assert.Equal((LogLevel.Error, $"Loading {trips} (file change) failed: Insufficient memory to continue the " +
            "execution of the program."), (logged.Level, logged.Message));
        Assert.Single(logs.Entries, entry => entry.EventId == EngineEvents.ReloadFailed);
        var thrown = Assert.IsType<RuleFileLoadException>(logged.Exception);
        Assert.Equal(trips, thrown.Path);
        Assert.IsType<OutOfMemoryException>(thrown.InnerException);
    }

    [Fact]
    public async Task An_alias_bomb_fails_the_sidecars_reload_in_the_api_and_metrics_and_other_files_still_load()
    {
        workspace.WriteRules("good.yaml", "assertions: [ { name: good, check: 'true' } ]");
        await using var sidecar = await SidecarProcess.StartAsync(workspace);

        var bomb = workspace.WriteRules("bomb.yaml", AliasBomb());
        workspace.WriteRules("new.yaml", "assertions: [ { name: added beside the bomb, check: 'true' } ]");
        using var failed = await sidecar.Client.PostAsync("/-/reload", null);
        var failedBody = (await failed.Content.ReadFromJsonAsync<JsonNode>())!;
        var rules = await sidecar.GetJsonAsync("/api/rules");
        var metrics = await sidecar.Client.GetStringAsync("/metrics");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, failed.StatusCode);
        var error = Assert.Single(failedBody["errors"]!.AsArray())!;
        Assert.Equal((bomb, 8), (error["location"]!["file"]!.GetValue<string>(), error["location"]!["line"]!.GetValue<int>()));
        Assert.False(rules["reload"]!["success"]!.GetValue<bool>());
        Assert.Equal(["added beside the bomb", "good"],
            rules["rules"]!.AsArray().Select(rule => rule!["name"]!.GetValue<string>()));
        Assert.Contains("rules_engine_last_reload_success 0", metrics);

        File.Delete(bomb);
        using var fixedReload = await sidecar.Client.PostAsync("/-/reload", null);
        Assert.Equal(HttpStatusCode.OK, fixedReload.StatusCode);
        Assert.Contains("rules_engine_last_reload_success 1", await sidecar.Client.GetStringAsync("/metrics"));
    }

    [Fact]
    public void A_file_written_while_a_slow_load_read_it_is_loaded_again_before_its_errors_are_reported()
    {
        var path = workspace.WriteRules("half.yaml", "assertions:\n  - name: half\n    check: 'var x = ;'\n");
        using var engine = workspace.OpenEngine();
        var writtenDuringLoad = false;

        // The load reads the half-written file; the rest is written while it compiles, on a machine so busy that the
        // compile ends after the settle period has passed since that write.
        var reloader = new RulesReloader(engine, () =>
        {
            var rules = engine.LoadRules();
            if (!writtenDuringLoad)
            {
                File.WriteAllText(path, "assertions:\n  - name: half\n    check: 'true'\n");
                writtenDuringLoad = true;
            }

            return rules;
        });
        var settle = TimeSpan.FromMilliseconds(1);
        Thread.Sleep(20);

        var heldBack = reloader.ReloadChanged("file change", settle, out var retryIn);
        var retried = reloader.ReloadChanged("file change", settle, out _);

        Assert.Null(heldBack);
        Assert.True(retryIn > TimeSpan.Zero);
        Assert.Equal((0L, 1L), (reloader.Failures, reloader.Successes));
        Assert.True(retried!.Success);
        Assert.Equal(["half"], engine.Rules.Assertions.Select(rule => rule.Name));
    }

    /// <summary>Nine levels of ten aliases, each level re-anchoring the same name: a billion values once expanded.</summary>
    private static string AliasBomb() =>
        "assertions:\n  - name: bomb\n    params:\n      lol: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" +
        string.Concat(Enumerable.Range(1, 8).Select(level => $"      level{level}: &a [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n")) +
        "    check: \"true\"\n";
}
