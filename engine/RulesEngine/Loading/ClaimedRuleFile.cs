using RulesEngine.RuleFiles;

namespace RulesEngine.Loading;

/// <summary>A parsed rule file after names claimed by earlier files were taken out of it, with every error so far.</summary>
internal sealed record ClaimedRuleFile(RuleFileDefinition Definition, string Text, IReadOnlyList<RuleError> Errors);
