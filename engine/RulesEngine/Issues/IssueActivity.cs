namespace RulesEngine.Issues;

/// <summary>How many issues were opened and resolved in one period, as <see cref="IssueStore.Activity"/> counts them.</summary>
/// <param name="Start">UTC; the period runs from here for the bucket size asked for.</param>
/// <param name="Opened">Issues created in the period.</param>
/// <param name="Resolved">Issues whose current resolved time falls in the period.</param>
public sealed record IssueActivity(DateTimeOffset Start, int Opened, int Resolved);
