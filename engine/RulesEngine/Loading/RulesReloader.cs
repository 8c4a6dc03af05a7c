using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RulesEngine.RuleFiles;

namespace RulesEngine.Loading;

/// <summary>
/// Reloads the engine's rules directory, one reload at a time, whoever asks (a file change, SIGHUP, the API), and
/// keeps the outcome of the last one for health checks. A reload that throws, whatever the reason, is a failed
/// reload like one with errors: recorded with the exception's message, at the rule file it was loading when that is
/// known (a <see cref="RuleFileLoadException"/>) and at the rules folder otherwise, while the last good rules keep
/// running.
/// </summary>
public sealed class RulesReloader
{
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

    /// <summary>Raised after each reload, failed or not, with the rules that now run, under the reload lock.</summary>
    public event Action<RuleSet>? Reloaded;

    /// <summary>The last reload, or null before the first.</summary>
    public ReloadResult? Last { get; private set; }

    /// <summary>Successful reloads and failed ones (a file with errors, or a reload that threw), since start.</summary>
    public long Successes { get; private set; }

    public long Failures { get; private set; }

    public ReloadResult Reload(string reason)
    {
        lock (gate)
        {
            var stopwatch = Stopwatch.StartNew();
            var (rules, failures) = TryLoad(reason);
            var errors = failures ?? rules.Errors;
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
                log.LogInformation(EngineEvents.RulesReloaded, "Loaded {Rules} rules from {Files} files ({Reason}) in {DurationMs} ms",
                    result.Rules, result.Files, reason, stopwatch.ElapsedMilliseconds);
            }
            else
            {
                Failures++;
                if (failures is null)
                {
                    // A reload that threw was logged with its exception already.
                    LogErrors(errors);
                }
            }

            Reloaded?.Invoke(rules);
            return result;
        }
    }

    /// <returns>The rules loaded; or, when loading threw, the rules still running and the errors saying why.</returns>
    private (RuleSet Rules, IReadOnlyList<RuleError>? Failures) TryLoad(string reason)
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
                log.LogError(EngineEvents.ReloadFailed, exception, "Reloading {Directory} ({Reason}) failed, and the " +
                    "rules of the last good load keep running: {Error}", engine.Options.RulesDirectory, reason, causes[0].Message);
                return (engine.Rules, [Failure(engine.Options.RulesDirectory, causes[0])]);
            }

            foreach (var inFile in inFiles)
            {
                log.LogError(EngineEvents.ReloadFailed, inFile, "Reloading {Directory} ({Reason}) failed on the rule file " +
                    "{File}, and the rules of the last good load keep running: {Error}",
                    engine.Options.RulesDirectory, reason, inFile.Path, inFile.InnerException!.Message);
            }

            return (engine.Rules, [.. inFiles.Select(inFile => Failure(inFile.Path, inFile.InnerException!))]);
        }
    }

    /// <param name="where">The rule file being loaded when <paramref name="cause"/> was thrown, else the rules folder.</param>
    private static RuleError Failure(string where, Exception cause) =>
        new(new SourceLocation(where, 1, 1), null, "the reload failed, and the rules of the last good load keep " +
            $"running: {cause.GetType().Name}: {cause.Message}");

    private void LogErrors(IEnumerable<RuleError> errors)
    {
        foreach (var error in errors)
        {
            log.LogWarning(EngineEvents.ReloadFailed, "{File}:{Line}:{Column}: rule {Rule}: {Message}",
                error.Location.File, error.Location.Line, error.Location.Column, error.Rule, error.Message);
        }
    }
}
