namespace RulesEngine.Issues;

/// <summary>
/// What identifies an issue for "maybe open" and "resolve": its name, and for a model issue the key of its record.
/// Two issues with the same name but different record keys are different issues.
/// </summary>
/// <param name="Name">The issue's name; for an assertion, the assertion's name.</param>
/// <param name="RecordKey">The record's key as text (invariant culture), or null for an issue about no record.</param>
public readonly record struct IssueKey(string Name, string? RecordKey = null)
{
    public override string ToString() => RecordKey is null ? Name : $"{Name} [{RecordKey}]";
}
