namespace RulesEngine.Issues;

/// <summary>The record a model issue is about.</summary>
/// <param name="Source">A description of the source the record came from (for example <c>sqlite:app.db</c>), never holding secrets.</param>
/// <param name="Key">The record's key as text, formatted with the invariant culture.</param>
public sealed record IssueRecord(string Source, string Key);
