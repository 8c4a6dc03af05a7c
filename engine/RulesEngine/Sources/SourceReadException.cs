namespace RulesEngine.Sources;

/// <summary>A source could not be read: the pass is an error of its rule and changes no issue.</summary>
public sealed class SourceReadException : Exception
{
    internal SourceReadException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
