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
        var (checks, responders) = NameOwners(files);
        Assertions = Files.SelectMany(file => file.Assertions.Where(rule => checks[rule.Name] == file)).ToList();
        ModelAssertions = Files.SelectMany(file => file.ModelAssertions.Where(rule => checks[rule.Name] == file)).ToList();
        Responders = Files.SelectMany(file => file.Responders.Where(rule => responders[rule.Name] == file)).ToList();
    }

    public static RuleSet Empty { get; } = new([], []);

    /// <summary>
    /// The file each rule name runs from. A file whose latest text has errors may run its last good version, which can
    /// hold a name another file has claimed since: a name runs from the first file that loaded whole with it, as it would
    /// after a restart, and never from two files at once.
    /// </summary>
    private static (Dictionary<string, CompiledRuleFile> Checks, Dictionary<string, CompiledRuleFile> Responders) NameOwners(
        IReadOnlyList<LoadedRuleFile> files)
    {
        var checks = new Dictionary<string, CompiledRuleFile>(StringComparer.Ordinal);
        var responders = new Dictionary<string, CompiledRuleFile>(StringComparer.Ordinal);
        foreach (var file in files.Where(file => file.Compiled is not null).OrderBy(file => file.Errors.Count > 0))
        {
            var compiled = file.Compiled!;
            foreach (var name in compiled.Assertions.Select(rule => rule.Name).Concat(compiled.ModelAssertions.Select(rule => rule.Name)))
            {
                checks.TryAdd(name, compiled);
            }

            foreach (var responder in compiled.Responders)
            {
                responders.TryAdd(responder.Name, compiled);
            }
        }

        return (checks, responders);
    }

    /// <summary>The compiled files whose rules run.</summary>
    public IReadOnlyList<CompiledRuleFile> Files { get; }

    /// <summary>Every error of the last load, across files; empty when everything loaded.</summary>
    public IReadOnlyList<RuleError> Errors { get; }

    public IReadOnlyList<CompiledAssertion> Assertions { get; }

    public IReadOnlyList<CompiledModelAssertion> ModelAssertions { get; }

    public IReadOnlyList<CompiledResponder> Responders { get; }

    internal IReadOnlyList<LoadedRuleFile> LoadedFiles { get; }
}
