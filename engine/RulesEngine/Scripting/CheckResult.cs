namespace RulesEngine.Scripting;

/// <summary>
/// What a check returns: whether all is well, and optional details. A check's C# may return a <c>bool</c> or a
/// tuple <c>(bool ok, object? details)</c>; both convert to this implicitly.
/// </summary>
public readonly struct CheckResult
{
    public CheckResult(bool ok, object? details)
    {
        Ok = ok;
        Details = details;
    }

    public bool Ok { get; }

    /// <summary>Serialized to JSON and kept on the issue; anonymous objects, dictionaries and lists all work.</summary>
    public object? Details { get; }

    public static implicit operator CheckResult(bool ok) => new(ok, null);

    public static implicit operator CheckResult((bool Ok, object? Details) result) => new(result.Ok, result.Details);
}
