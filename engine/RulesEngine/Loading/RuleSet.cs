using RulesEngine.Compilation;
using RulesEngine.RuleFiles;

namespace RulesEngine.Loading;

/// <summary>
/// The rules loaded from a rules directory: an immutable snapshot. A reload builds a new set beside the old one.
/// </summary>
public sealed class RuleSet
{
    internal RuleSet(IReadOnlyList<LoadedRuleFile> files, IReadOnlyList<RuleError> directoryErrors)
    {
        LoadedFiles = files;
        Files = files.Where(file => file.Compiled is not null).Select(file => file.Compiled!).ToList();
        Errors = directoryErrors.Concat(files.SelectMany(file => file.Errors)).ToList();
        Assertions = Files.SelectMany(file => file.Assertions).ToList();
        ModelAssertions = Files.SelectMany(file => file.ModelAssertions).ToList();
        Responders = Files.SelectMany(file => file.Responders).ToList();
    }

    public static RuleSet Empty { get; } = new([], []);

    /// <summary>The compiled files whose rules run.</summary>
    public IReadOnlyList<CompiledRuleFile> Files { get; }

    /// <summary>Every error of the last load, across files; empty when everything loaded.</summary>
    public IReadOnlyList<RuleError> Errors { get; }

    public IReadOnlyList<CompiledAssertion> Assertions { get; }

    public IReadOnlyList<CompiledModelAssertion> ModelAssertions { get; }

    public IReadOnlyList<CompiledResponder> Responders { get; }

    internal IReadOnlyList<LoadedRuleFile> LoadedFiles { get; }
}
