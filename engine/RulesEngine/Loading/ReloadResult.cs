using RulesEngine.RuleFiles;

namespace RulesEngine.Loading;

/// <summary>What one reload of the rules directory did.</summary>
/// <param name="At">UTC.</param>
/// <param name="Reason">What asked for it: a file change, a signal, the API.</param>
/// <param name="Success">True when every file loaded whole; otherwise broken files keep their last good version.</param>
/// <param name="Files">Files whose rules run.</param>
/// <param name="Rules">Rules that run: assertions, model assertions and responders.</param>
/// <param name="Errors">Every error of the load, with file, rule, line and column.</param>
public sealed record ReloadResult(
    DateTimeOffset At, string Reason, bool Success, int Files, int Rules, IReadOnlyList<RuleError> Errors, TimeSpan Duration);
