namespace RulesEngine.Loading;

/// <summary>
/// Loading one rule file threw instead of reporting errors: a fault of the engine that the file's text sets off, or
/// the process running out of memory on it. <see cref="RuleSetLoader"/> wraps what was thrown with the file's path, so
/// that the failed load or reload names the file rather than the rules folder. The inner exception keeps the stack.
/// </summary>
public sealed class RuleFileLoadException : Exception
{
    internal RuleFileLoadException(string path, Exception inner)
        : base($"Loading the rule file {path} failed: {inner.GetType().Name}: {inner.Message}", inner)
    {
        Path = path;
    }

    /// <summary>The rule file being read or compiled when the exception was thrown.</summary>
    public string Path { get; }
}
