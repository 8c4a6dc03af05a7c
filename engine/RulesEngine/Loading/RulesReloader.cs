using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace RulesEngine.Loading;

/// <summary>
/// Reloads the engine's rules directory, one reload at a time, whoever asks (a file change, SIGHUP, the API), and
/// keeps the outcome of the last one for health checks.
/// </summary>
public sealed class RulesReloader(Engine engine)
{
    private readonly Lock gate = new();
    private readonly ILogger log = engine.Options.LoggerFactory.CreateLogger<RulesReloader>();

    /// <summary>Raised after each reload with the new rule set, under the reload lock.</summary>
    public event Action<RuleSet>? Reloaded;

    /// <summary>The last reload, or null before the first.</summary>
    public ReloadResult? Last { get; private set; }

    /// <summary>Successful reloads and failed ones (a file with errors), since start.</summary>
    public long Successes { get; private set; }

    public long Failures { get; private set; }

    public ReloadResult Reload(string reason)
    {
        lock (gate)
        {
            var stopwatch = Stopwatch.StartNew();
            var rules = engine.LoadRules();
            var result = new ReloadResult(
                engine.Options.TimeProvider.GetUtcNow(),
                reason,
                rules.Errors.Count == 0,
                rules.Files.Count,
                rules.Assertions.Count + rules.ModelAssertions.Count + rules.Responders.Count,
                rules.Errors,
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
                foreach (var error in rules.Errors)
                {
                    log.LogWarning(EngineEvents.ReloadFailed, "{File}:{Line}:{Column}: rule {Rule}: {Message}",
                        error.Location.File, error.Location.Line, error.Location.Column, error.Rule, error.Message);
                }
            }

            Reloaded?.Invoke(rules);
            return result;
        }
    }
}
