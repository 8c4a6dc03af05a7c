using Microsoft.Extensions.Logging;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Robustness;

/// <summary>
/// Rule code that throws on a thread it started itself (async void, a thread, the thread pool), where no check catches
/// it: the real executable logs it against the rule file and goes on, where .NET alone would end the process.
/// </summary>
public sealed class RuleThreadErrorTests : IDisposable
{
    private const string Logged = "[223] Rule code in {0} (rule {1}) threw on a thread of its own, outside any check or "
        + "action: {2} at {0}:{3}; the engine goes on";

    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task Check_goes_on_when_rule_code_throws_on_its_own_threads_and_logs_each_against_its_rule()
    {
        WriteThrowers(schedule: "0 0 1 1 *");
        WriteDiskFull();

        var check = await EngineProcess.RunAsync(workspace.Root, "check");

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("FAIL  disk full (", check.Stdout);
        Assert.Contains("; 1 opened, 0 resolved)", check.Stdout);
        Assert.Contains("3 passed, 1 failed, 0 errors", check.Stdout);
        AssertLoggedEach(check.Stderr, Path.Combine("rules", "threads.yaml"));
    }

    [Fact]
    public async Task A_sidecar_goes_on_when_a_reloaded_rule_throws_on_its_own_threads()
    {
        WriteDiskFull();
        await using var sidecar = await SidecarProcess.StartAsync(workspace);
        await sidecar.WaitUntilAsync(async () => (await sidecar.IssuesAsync("status=Open")).Count == 1, TimeSpan.FromSeconds(10), "the issue");

        var path = WriteThrowers(schedule: "* * * * * *");

        await sidecar.WaitUntilAsync(() => Task.FromResult(sidecar.Output.Split('\n').Count(line => line.Contains("[223]")) >= 6),
            TimeSpan.FromSeconds(20), "each thrower to run twice");
        AssertLoggedEach(sidecar.Output, path);
        var open = Assert.Single(await sidecar.IssuesAsync("status=Open"));
        Assert.Equal("disk full", open!["name"]!.GetValue<string>());
        Assert.Equal(0, await sidecar.TerminateAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task An_exception_thrown_in_rule_code_is_charged_to_its_file_and_rule_through_the_engines_logs()
    {
        var path = workspace.WriteRules("stash.yaml", """
            assertions:
              - { name: first, check: "true" }
            model_assertions:
              - name: other
                source: { csharp: "new[] { 1 }.Select(id => new { id })" }
                key: id
                check: "true"
              - name: stasher
                source: { csharp: "new[] { 1 }.Select(id => new { id })" }
                key: id
                check: |
                  try { throw new AggregateException("bad batch", new FormatException("bad record")); }
                  catch (Exception e) { AppDomain.CurrentDomain.SetData("RuleThreadErrorTests.stash", e); }
                  return true;
            """);
        var logs = new RecordingLoggerFactory();
        using var engine = workspace.OpenEngine(workspace.Options with { LoggerFactory = logs });
        await engine.CheckAsync();
        var thrown = (Exception)AppDomain.CurrentDomain.GetData("RuleThreadErrorTests.stash")!;

        Assert.True(RuleThreadGuard.Handle(thrown));

        var logged = Assert.Single(logs.Entries, entry => entry.EventId == EngineEvents.RuleThreadError);
        Assert.Equal(("Rules.stasher", LogLevel.Error), (logged.Category, logged.Level));
        Assert.Equal($"Rule code in {path} (rule stasher) threw on a thread of its own, outside any check or action: "
            + $"AggregateException: bad batch (bad record) at {path}:12:13; the engine goes on", logged.Message);
    }

    [Fact]
    public void An_exception_with_no_rule_code_on_its_stack_stays_fatal()
    {
        Exception thrown;
        try
        {
            throw new InvalidOperationException("an engine bug");
        }
        catch (InvalidOperationException exception)
        {
            thrown = exception;
        }

        Assert.False(RuleThreadGuard.Handle(thrown));
    }

    private static void AssertLoggedEach(string output, string path)
    {
        Assert.Contains(string.Format(Logged, path, "async void", "HttpRequestException: notifier down", "6:37"), output);
        Assert.Contains(string.Format(Logged, path, "own thread", "InvalidOperationException: worker failed", "13:37"), output);
        Assert.Contains(string.Format(Logged, path, "thread pool", "TimeoutException: pool item failed", "20:41"), output);
    }

    private void WriteDiskFull() =>
        workspace.WriteRules("disk.yaml", "assertions: [ { name: disk full, schedule: '* * * * * *', check: 'false' } ]");

    // Each check waits for its thread's exception before it returns, so the one-shot check is still running when it
    // is thrown: the process must survive it, not just end first.
    private string WriteThrowers(string schedule) => workspace.WriteRules("threads.yaml", $$"""
        assertions:
          - name: async void
            schedule: "{{schedule}}"
            check: |
              Action notify = async () => { await Task.Yield();
                                            throw new HttpRequestException("notifier down"); };
              notify();
              Thread.Sleep(500);
              return true;
          - name: own thread
            schedule: "{{schedule}}"
            check: |
              var worker = new Thread(() => throw new InvalidOperationException("worker failed"));
              worker.Start();
              worker.Join();
              return true;
          - name: thread pool
            schedule: "{{schedule}}"
            check: |
              ThreadPool.QueueUserWorkItem(_ => throw new TimeoutException("pool item failed"));
              Thread.Sleep(500);
              return true;
        """);
}
