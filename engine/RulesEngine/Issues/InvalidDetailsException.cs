using System.Globalization;

namespace RulesEngine.Issues;

/// <summary>
/// Thrown by the store's entry points for details it cannot keep as given: nested deeper than
/// <see cref="IssueStore.MaxDetailsDepth"/>, two object keys that differ only in case, a number too large to store, or
/// a string or key holding a lone UTF-16 surrogate. The details are the caller's (a check's result, an API request), so this is their
/// mistake, not a failure of the store. Nothing was written.
/// </summary>
public sealed class InvalidDetailsException : ArgumentException
{
    internal InvalidDetailsException(string message)
        : base(message)
    {
    }

    /// <summary>What the store says of details that nest deeper than it keeps, wherever they were found too deep.</summary>
    internal static string TooDeepMessage { get; } = string.Create(CultureInfo.InvariantCulture,
        $"The details nest arrays and objects deeper than {IssueStore.MaxDetailsDepth} levels, the most the issue store keeps; flatten them.");
}
