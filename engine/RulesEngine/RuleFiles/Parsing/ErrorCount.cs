namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// Tells whether errors were reported since it was taken, for a reader that must know whether its own part of a
/// rule was valid, as <see cref="ErrorCollector.HasErrors"/> covers the whole rule.
/// </summary>
internal readonly struct ErrorCount(ErrorCollector errors)
{
    private readonly int count = errors.Count;

    public bool Grew => errors.Count > count;
}
