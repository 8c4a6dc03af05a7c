namespace RulesEngine.Benchmarks.Support;

/// <summary>
/// Thrown from a benchmark's setup when a contender's answer differs from its counterpart's: a fast wrong answer
/// must not be reported as a result.
/// </summary>
public sealed class MismatchException(string message) : Exception(message)
{
    public static void ThrowIfDifferent<T>(string what, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new MismatchException($"{what}: expected {expected}, got {actual}.");
        }
    }
}
