namespace RulesEngine.Issues;

/// <summary>
/// An open issue's id, name and creation time: enough for a respond pass to tell that none of its actions can be due
/// yet, without reading the issue's details and history.
/// </summary>
public sealed record IssueSummary(long Id, string Name, DateTimeOffset CreatedAt);
