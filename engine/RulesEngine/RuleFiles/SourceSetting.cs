namespace RulesEngine.RuleFiles;

/// <summary>
/// A value a source needs that may be secret: written in the rule file, or the name of an environment variable read
/// when the source is used (<c>{ env: NAME }</c>), so that passwords and tokens stay out of rule files.
/// <see cref="ToString"/> never gives the value.
/// </summary>
public sealed record SourceSetting
{
    private SourceSetting(string? written, string? variable)
    {
        Written = written;
        Variable = variable;
    }

    /// <summary>The value as written in the rule file; null when it comes from the environment.</summary>
    public string? Written { get; }

    /// <summary>The environment variable holding the value; null when the value is written.</summary>
    public string? Variable { get; }

    public static SourceSetting FromText(string value) => new(value, null);

    public static SourceSetting FromEnvironment(string variable) => new(null, variable);

    /// <summary>The value, or null when its environment variable is not set (or set to nothing).</summary>
    public string? Read() =>
        Variable is null ? Written : Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public override string ToString() => Variable is null ? "(written in the rule file)" : $"env:{Variable}";
}
