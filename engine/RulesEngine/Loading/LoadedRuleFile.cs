using RulesEngine.Compilation;
using RulesEngine.RuleFiles;

namespace RulesEngine.Loading;

/// <summary>
/// One rule file as the last load left it: the compiled rules that run (possibly a previous good version) and the
/// errors of the latest text.
/// </summary>
/// <param name="Path">The file's path.</param>
/// <param name="TextHash">A hash of the latest text and of the rule names other files claimed first.</param>
/// <param name="Compiled">The rules that run; null when no version of the file ever compiled.</param>
/// <param name="Errors">What is wrong with the latest text; empty when it loaded whole.</param>
internal sealed record LoadedRuleFile(string Path, string TextHash, CompiledRuleFile? Compiled, IReadOnlyList<RuleError> Errors);
