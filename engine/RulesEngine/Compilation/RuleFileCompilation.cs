using RulesEngine.RuleFiles;

namespace RulesEngine.Compilation;

/// <summary>
/// The result of compiling one rule file: the rules that compiled, and an error for each that did not. A rule with
/// an error is left out; <see cref="File"/> is null only when nothing in the file could be compiled.
/// </summary>
public sealed record RuleFileCompilation(CompiledRuleFile? File, IReadOnlyList<RuleError> Errors);
