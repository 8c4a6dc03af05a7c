namespace RulesEngine.Responding;

/// <summary>
/// How long a failed action waits before its next attempt: the first retry waits the retry delay, and each one
/// after twice as long as the one before, up to a ceiling: <c>min(delay × 2^(attempt − 1), max)</c>. No jitter: a
/// retry runs at the first respond pass after it is due, and passes are what spread the load.
/// </summary>
internal sealed record RetryBackoff(TimeSpan Delay, TimeSpan Max)
{
    /// <param name="failedAttempt">The attempt that failed: 1 for the first.</param>
    /// <param name="delay">The action's own <c>retry_delay</c>, or null for the engine's.</param>
    public TimeSpan After(int failedAttempt, TimeSpan? delay)
    {
        var first = delay ?? Delay;
        var ceiling = first > Max ? first : Max;
        var doublings = Math.Min(failedAttempt - 1, 30);
        var wait = first.Ticks * Math.Pow(2, doublings);
        return wait >= ceiling.Ticks ? ceiling : TimeSpan.FromTicks((long)wait);
    }
}
