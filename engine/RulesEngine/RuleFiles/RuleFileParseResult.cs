namespace RulesEngine.RuleFiles;

/// <summary>
/// What parsing one rule file gave: the rules that are valid, and an error for each one that is not. A rule with
/// an error is left out of <see cref="File"/>; the file's other rules are kept, so one mistake stops one rule.
/// </summary>
public sealed record RuleFileParseResult(RuleFileDefinition File, IReadOnlyList<RuleError> Errors);
