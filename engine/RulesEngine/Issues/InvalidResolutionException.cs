namespace RulesEngine.Issues;

/// <summary>
/// Thrown by the store's resolve methods for a resolution it cannot keep: text with a lone UTF-16 surrogate. The
/// resolution is the caller's (an API request), so this is their mistake, not a failure of the store. Nothing was
/// written.
/// </summary>
public sealed class InvalidResolutionException : ArgumentException
{
    internal InvalidResolutionException(string message)
        : base(message)
    {
    }

    internal static void ThrowIfInvalid(string? resolution)
    {
        if (StoredText.Problem(resolution, "The resolution") is { } problem)
        {
            throw new InvalidResolutionException(problem + ".");
        }
    }
}
