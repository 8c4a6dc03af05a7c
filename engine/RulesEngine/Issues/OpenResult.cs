namespace RulesEngine.Issues;

/// <summary>The outcome of <see cref="IssueStore.MaybeOpen"/>.</summary>
/// <param name="Disposition">Whether an issue was created, already open, or blocked by a won't-fix issue.</param>
/// <param name="Issue">The open issue (created or existing), or the won't-fix issue that blocked the open.</param>
public sealed record OpenResult(OpenDisposition Disposition, Issue Issue);
