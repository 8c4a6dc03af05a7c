using System.Security.Cryptography;
using System.Text;
using RulesEngine.Compilation;
using RulesEngine.RuleFiles;

namespace RulesEngine.Loading;

/// <summary>
/// Loads every rule file of a directory into a <see cref="RuleSet"/>. Given the previous set, it recompiles only the
/// files whose text changed, and when a changed file has errors it keeps that file's previous good version running
/// and reports the errors. Without a previous version, the file's valid rules run and its broken ones are reported.
/// Reading or compiling a file that throws, rather than reporting errors, throws a <see cref="RuleFileLoadException"/>
/// naming the file (wrapped in an <see cref="AggregateException"/> when thrown while compiling).
/// </summary>
public sealed class RuleSetLoader
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    private readonly Func<RuleFileDefinition, RuleFileCompilation> compile;

    public RuleSetLoader(RuleCompiler compiler)
        : this(compiler.Compile)
    {
    }

    /// <param name="compile">Compiles one file; tests give one that throws.</param>
    internal RuleSetLoader(Func<RuleFileDefinition, RuleFileCompilation> compile) => this.compile = compile;

    public RuleSet Load(string directory, RuleSet? previous = null)
    {
        if (!Directory.Exists(directory))
        {
            var error = new RuleError(new SourceLocation(directory, 1, 1), null, "the rules directory does not exist.");
            return new RuleSet(previous?.LoadedFiles ?? [], [error]);
        }

        var parsed = RuleFilePaths(directory).Select(path => OfFile(path, () => Parse(path))).ToList();
        var claimed = RuleNameClaims.Resolve(parsed);
        var previousFiles = (previous?.LoadedFiles ?? []).ToDictionary(file => file.Path);

        // Files compile independently of one another: a load of many keeps every core busy.
        var loaded = new LoadedRuleFile[parsed.Count];
        Parallel.For(0, parsed.Count, i =>
        {
            var path = parsed[i].Result.File.Path;
            loaded[i] = OfFile(path, () => Compile(claimed[path], previousFiles.GetValueOrDefault(path)));
        });
        UnloadReplaced(previousFiles.Values, loaded);
        return new RuleSet(loaded, []);
    }

    /// <summary>The rule files directly in the directory, in ordinal order. Hidden entries (a Kubernetes ConfigMap's
    /// <c>..data</c>) and subfolders are skipped; symbolic links to files are followed.</summary>
    public static IReadOnlyList<string> RuleFilePaths(string directory) =>
        Directory.EnumerateFiles(directory)
            .Where(path => Extensions.Contains(System.IO.Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
            .Where(path => !System.IO.Path.GetFileName(path).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>One step of loading one file; what it throws leaves with the file's path.</summary>
    private static T OfFile<T>(string path, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception exception)
        {
            throw new RuleFileLoadException(path, exception);
        }
    }

    private static (RuleFileParseResult Result, string Text) Parse(string path)
    {
        var text = RuleFileContent.Read(path, out var error);
        return text is null
            ? (new RuleFileParseResult(new RuleFileDefinition { Path = path }, [error!]), "")
            : (RuleFileParser.Parse(path, text), text);
    }

    private LoadedRuleFile Compile(ClaimedRuleFile file, LoadedRuleFile? previous)
    {
        var hash = Hash(file);
        // A file that loaded with errors is loaded again even when its text is unchanged: what it depends on (a
        // database file that did not exist yet, an environment variable) may have been fixed since.
        if (previous is not null && previous.TextHash == hash && previous.Errors.Count == 0)
        {
            return previous;
        }

        if (file.Errors.Count > 0 && HasNoRules(file.Definition))
        {
            // Nothing of the file survived its errors (it could not be read, or every rule is broken): there is
            // nothing to compile, and it does not count among the files whose rules run unless an earlier version does.
            return new LoadedRuleFile(file.Definition.Path, hash, previous?.Compiled, file.Errors);
        }

        var compilation = compile(file.Definition);
        var errors = file.Errors.Concat(compilation.Errors).ToList();
        if (errors.Count > 0 && previous?.Compiled is not null)
        {
            // The operator's last good version keeps running until the file is fixed.
            compilation.File?.Unload();
            return new LoadedRuleFile(file.Definition.Path, hash, previous.Compiled, errors);
        }

        return new LoadedRuleFile(file.Definition.Path, hash, compilation.File, errors);
    }

    private static bool HasNoRules(RuleFileDefinition file) =>
        file.Assertions.Count == 0 && file.ModelAssertions.Count == 0 && file.Responders.Count == 0;

    private static void UnloadReplaced(IEnumerable<LoadedRuleFile> previous, IReadOnlyList<LoadedRuleFile> current)
    {
        var kept = current.Select(file => file.Compiled).OfType<CompiledRuleFile>().ToHashSet();
        foreach (var file in previous)
        {
            if (file.Compiled is { } compiled && !kept.Contains(compiled))
            {
                compiled.Unload();
            }
        }
    }

    private static string Hash(ClaimedRuleFile file)
    {
        var identity = file.Text + "\n" + string.Join("\n", file.Errors.Select(error => error.ToString()));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
    }
}
