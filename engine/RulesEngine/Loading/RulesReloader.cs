using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RulesEngine.RuleFiles;

namespace RulesEngine.Loading;

/// <summary>
/// Loads the engine's rules directory at start and reloads it, one load at a time, whoever asks (a file change,
/// SIGHUP, the API), and keeps the outcome of the last one for health checks. A reload that throws, whatever the
/// reason, is a failed reload like one with errors: recorded with the exception's message, at the rule file it was
/// loading when that is known (a <see cref="RuleFileLoadException"/>) and at the rules folder otherwise, while the
/// last good rules keep running.
/// </summary>
/// <remarks>
/// Logged under the ids of <see cref="EngineEvents"/>: each error of a file as <c>RuleFileError</c>, the load at
/// start as <c>RulesLoaded</c>, and a later reload as <c>RulesReloaded</c> or <c>ReloadFailed</c>.
/// </remarks>
public sealed class RulesReloader
{
    /// <summary>How soon a file written while it was being loaded is loaded again.</summary>
    private static readonly TimeSpan RetryAfterStaleRead = TimeSpan.FromMilliseconds(100);

    private readonly Lock gate = new();
    private readonly Engine engine;
    private readonly Func<RuleSet> load;
    private readonly ILogger log;

    public RulesReloader(Engine engine)
        : this(engine, engine.LoadRules)
    {
    }

    /// <param name="load">Loads the rules into the engine and returns them; tests give one that throws.</param>
    internal RulesReloader(Engine engine, Func<RuleSet> load)
    {
        this.engine = engine;
        this.load = load;
        log = engine.Options.LoggerFactory.CreateLogger<RulesReloader>();
    }

    /// <summary>Raised after each load, failed, held back or not, with the rules that now run, under the lock.</summary>
    public event Action<RuleSet>? Reloaded;

    /// <summary>Raised, under the lock, when a load's result becomes <see cref="Last"/>: not for one held back.</summary>
    public event Action<ReloadResult>? Recorded;

    /// <summary>The last load, or null before the first.</summary>
    public ReloadResult? Last { get; private set; }

    /// <summary>Successful loads and failed ones (a file with errors, or a load that threw), since start.</summary>
    public long Successes { get; private set; }

    public long Failures { get; private set; }

    /// <summary>The first load, when the engine starts: logged as <c>RulesLoaded</c> rather than as a reload.</summary>
    public ReloadResult LoadAtStart() => Run("start", atStart: true, settle: null, out _)!;

    public ReloadResult Reload(string reason) => Run(reason, atStart: false, settle: null, out _)!;

    /// <summary>
    /// A reload for a change seen on disk, which may be a write still in progress (half a file, a pause, the rest).
    /// When it fails only in files written less than <paramref name="settle"/> ago, the failure is held back: the
    /// rules load as usual (a broken file keeps its last good version, the other files take effect) but nothing is
    /// logged, counted or recorded, and null comes back with how long until those files have been quiet long
    /// enough; reloading then reports whatever still fails.
    /// </summary>
    public ReloadResult? ReloadChanged(string reason, TimeSpan settle, out TimeSpan retryIn) =>
        Run(reason, atStart: false, settle, out retryIn);

    private ReloadResult? Run(string reason, bool atStart, TimeSpan? settle, out TimeSpan retryIn)
    {
        lock (gate)
        {
            var stopwatch = Stopwatch.StartNew();
            var started = DateTime.UtcNow;
            var (rules, failures) = TryLoad();
            var errors = failures?.Select(failure => failure.Error).ToList() ?? rules.Errors;
            retryIn = TimeSpan.Zero;
            if (settle is { } quiet && failures is null && errors.Count > 0 && UntilSettled(errors, quiet, started) is { } wait)
            {
                retryIn = wait;
                Reloaded?.Invoke(rules);
                return null;
            }

            var result = new ReloadResult(
                engine.Options.TimeProvider.GetUtcNow(),
                reason,
                errors.Count == 0,
                rules.Files.Count,
                rules.Assertions.Count + rules.ModelAssertions.Count + rules.Responders.Count,
                errors,
                stopwatch.Elapsed);

            Last = result;
            if (result.Success)
            {
                Successes++;
            }
            else
            {
                Failures++;
            }

            LogResult(result, failures, atStart, stopwatch.ElapsedMilliseconds);
            Reloaded?.Invoke(rules);
            Recorded?.Invoke(result);
            return result;
        }
    }

    /// <returns>The rules loaded; or, when loading threw, the rules still running and each failure with its cause.</returns>
    private (RuleSet Rules, IReadOnlyList<(RuleError Error, Exception Cause, string Message)>? Failures) TryLoad()
    {
        try
        {
            return (load(), null);
        }
        catch (Exception exception)
        {
            // The loader compiles files in parallel: what they threw comes wrapped, from one file or several.
            var causes = exception is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [exception];
            var inFiles = causes.OfType<RuleFileLoadException>().ToList();
            if (inFiles.Count == 0)
            {
                return (engine.Rules, [(Failure(engine.Options.RulesDirectory, causes[0]), exception, causes[0].Message)]);
            }

            return (engine.Rules, [.. inFiles.Select(inFile =>
                (Failure(inFile.Path, inFile.InnerException!), (Exception)inFile, inFile.InnerException!.Message))]);
        }
    }

    /// <returns>
    /// How long until every file with errors has gone unwritten for <paramref name="settle"/>; null when one of them
    /// already has (or the error is not a file's, or the file is gone), so the failure is reported now.
    /// </returns>
    /// <param name="loadStarted">When the load that found the errors began. A file written since may have been read
    /// before its last write (a slow compile on a busy machine can outlast the settle period): its errors may be of text it
    /// no longer holds, so it is always tried again before they are reported.</param>
    private static TimeSpan? UntilSettled(IReadOnlyList<RuleError> errors, TimeSpan settle, DateTime loadStarted)
    {
        // File times are real time, even when a test fakes the engine's clock.
        var now = DateTime.UtcNow;
        var longest = TimeSpan.Zero;
        foreach (var file in errors.Select(error => error.Location.File).Distinct())
        {
            if (!File.Exists(file))
            {
                return null;
            }

            var written = File.GetLastWriteTimeUtc(file);
            var wait = written >= loadStarted ? Max(written + settle - now, RetryAfterStaleRead) : written + settle - now;
            if (wait <= TimeSpan.Zero)
            {
                return null;
            }

            longest = wait > longest ? wait : longest;
        }

        return longest;
    }

    private static TimeSpan Max(TimeSpan one, TimeSpan other) => one > other ? one : other;

    /// <param name="where">The rule file being loaded when <paramref name="cause"/> was thrown, else the rules folder.</param>
    private static RuleError Failure(string where, Exception cause) =>
        new(new SourceLocation(where, 1, 1), null, "the reload failed, and the rules of the last good load keep " +
            $"running: {cause.GetType().Name}: {cause.Message}");

    private void LogResult(ReloadResult result, IReadOnlyList<(RuleError Error, Exception Cause, string Message)>? failures, bool atStart, long durationMs)
    {
        var directory = engine.Options.RulesDirectory;
        if (failures is not null)
        {
            foreach (var (error, cause, message) in failures)
            {
                log.LogError(EngineEvents.RuleFileError, cause, "Loading {File} ({Reason}) failed: {Error}",
                    error.Location.File, result.Reason, message);
            }
        }
        else
        {
            LogErrors(result.Errors);
        }

        // The counts are logged with their nouns ("1 rule", "2 rules"): these lines are read by people, and machines
        // have the event ids and the metrics.
        var rules = Counted.Of(result.Rules, "rule");
        var files = Counted.Of(result.Files, "file");
        var failedFiles = Counted.Of(result.Errors.Select(error => error.Location.File).Distinct().Count(), "file");
        if (atStart)
        {
            if (result.Success)
            {
                log.LogInformation(EngineEvents.RulesLoaded, "Loaded {Rules} from {Files} ({Reason}) in {DurationMs} ms",
                    rules, files, result.Reason, durationMs);
            }
            else
            {
                log.LogWarning(EngineEvents.RulesLoaded, "Loaded {Rules} from {Files} ({Reason}) in {DurationMs} ms; " +
                    "{FailedFiles} had errors, logged above", rules, files, result.Reason, durationMs, failedFiles);
            }
        }
        else if (result.Success)
        {
            log.LogInformation(EngineEvents.RulesReloaded, "Reloaded {Rules} from {Files} ({Reason}) in {DurationMs} ms",
                rules, files, result.Reason, durationMs);
        }
        else
        {
            log.LogError(EngineEvents.ReloadFailed, "Reloading {Directory} ({Reason}) failed: {Errors} in {FailedFiles}, " +
                "logged above; each keeps its last good version, and {Rules} from {Files} {Run}",
                directory, result.Reason, Counted.Of(result.Errors.Count, "error"), failedFiles, rules, files,
                result.Rules == 1 ? "runs" : "run");
        }
    }

    private void LogErrors(IEnumerable<RuleError> errors)
    {
        foreach (var error in errors)
        {
            // An error of the file as a whole (it cannot be read, its YAML is malformed) belongs to no rule.
            if (error.Rule is null)
            {
                log.LogWarning(EngineEvents.RuleFileError, "{File}:{Line}:{Column}: {Message}",
                    error.Location.File, error.Location.Line, error.Location.Column, error.Message);
            }
            else
            {
                log.LogWarning(EngineEvents.RuleFileError, "{File}:{Line}:{Column}: rule '{Rule}': {Message}",
                    error.Location.File, error.Location.Line, error.Location.Column, error.Rule, error.Message);
            }
        }
    }
}
