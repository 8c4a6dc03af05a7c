using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RulesEngine.RuleFiles;
using RulesEngine.Scripting;

namespace RulesEngine.Compilation;

/// <summary>
/// Compiles all the C# of one rule file in a single Roslyn compilation, loads it into a collectible load context,
/// and hands back plain delegates. Rules whose code does not compile are reported with their rule-file line and
/// column and left out; the file's other rules are compiled again without them. Thread-safe.
/// </summary>
public sealed class RuleCompiler
{
    private const string GeneratedPath = "<generated>";
    private static readonly string BuildIdentity =
        $"{typeof(RuleCompiler).Module.ModuleVersionId}|{typeof(CSharpCompilation).Assembly.GetName().Version}";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private readonly CompileCache cache;
    private readonly ILoggerFactory logs;

    /// <param name="cacheDirectory">Where compiled files are kept between runs; null keeps nothing.</param>
    /// <param name="loggerFactory">
    /// Where an exception the compiled rules throw on threads of their own is reported (<see cref="RuleThreadGuard"/>);
    /// null reports nothing.
    /// </param>
    public RuleCompiler(string? cacheDirectory = null, ILoggerFactory? loggerFactory = null)
    {
        cache = new CompileCache(cacheDirectory);
        logs = loggerFactory ?? NullLoggerFactory.Instance;
    }

    /// <summary>
    /// Compiles a rule file with one trivial rule and throws the result away: the first compile of a process pays
    /// for loading the compiler and its references (about 2 s here), and a long-lived engine pays it at start rather
    /// than on the first reload an operator waits for.
    /// </summary>
    public static void WarmUp()
    {
        var location = new SourceLocation("warm-up.yaml", 1, 1);
        var check = new CodeSnippet([new CodeLine("true", 1, 1)], location);
        var file = new RuleFileDefinition { Path = "warm-up.yaml", Assertions = [new AssertionDefinition { Name = "warm-up", Location = location, Check = check }] };
        new RuleCompiler().Compile(file).File?.Unload();
    }

    public RuleFileCompilation Compile(RuleFileDefinition file)
    {
        var errors = new List<RuleError>();
        var recordFields = ResolveRecordFields(ref file, errors);
        file = WithoutSyntaxErrors(file, recordFields, errors);

        // A second attempt compiles the file without the rules the first one found broken. Errors that belong to no
        // rule (an unknown namespace in 'usings') break every rule, so they end the attempt.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var generated = RuleCodeGenerator.Generate(file, recordFields);
            var key = Hash(generated.Source);
            if (cache.TryRead(key, out var cached) && TryLoad(file, key, cached) is { } fromCache)
            {
                return new RuleFileCompilation(fromCache, errors);
            }

            var (assembly, diagnostics) = Emit(generated.Source, key);
            if (assembly is not null)
            {
                cache.Write(key, assembly);
                return new RuleFileCompilation(Load(file, key, assembly), errors);
            }

            var found = ToRuleErrors(file, generated.Writer, diagnostics);
            errors.AddRange(found);
            if (found.Any(error => error.Rule is null) || attempt == 1)
            {
                return new RuleFileCompilation(null, errors);
            }

            file = Without(file, found.Select(error => error.Rule!).ToHashSet());
        }

        throw new InvalidOperationException("Unreachable: the second compile attempt always returns.");
    }

    private static Dictionary<string, IReadOnlyList<FieldDefinition>> ResolveRecordFields(ref RuleFileDefinition file, List<RuleError> errors)
    {
        var fields = new Dictionary<string, IReadOnlyList<FieldDefinition>>();
        var failed = new HashSet<string>();
        foreach (var rule in file.ModelAssertions)
        {
            var before = errors.Count;
            var resolved = RecordFieldResolver.Resolve(rule, errors);
            if (errors.Count > before)
            {
                failed.Add(rule.Name);
            }
            else if (resolved is not null)
            {
                fields[rule.Name] = resolved;
            }
        }

        file = Without(file, failed);
        return fields;
    }

    /// <summary>
    /// Parses each rule's code alone and leaves out the rules whose C# does not even parse. An unbalanced brace or an
    /// unterminated comment would otherwise swallow the generated code that follows it, and with it every other rule
    /// of the file, and be reported far from where it is.
    /// </summary>
    private static RuleFileDefinition WithoutSyntaxErrors(
        RuleFileDefinition file, IReadOnlyDictionary<string, IReadOnlyList<FieldDefinition>> recordFields, List<RuleError> errors)
    {
        var broken = new HashSet<string>();
        foreach (var (name, single) in SingleRuleFiles(file))
        {
            var generated = RuleCodeGenerator.Generate(single, recordFields);
            var tree = CSharpSyntaxTree.ParseText(generated.Source, ParseOptions, GeneratedPath, Encoding.UTF8);
            var syntaxErrors = Errors(tree.GetDiagnostics()).ToList();
            if (syntaxErrors.Count == 0)
            {
                continue;
            }

            broken.Add(name);
            // An error past the rule's own lines (a brace it never closed) is reported where its code starts.
            errors.AddRange(ToRuleErrors(single, generated.Writer, syntaxErrors)
                .Select(error => error.Rule is null ? error with { Rule = name, Location = RuleLocation(single, name) } : error)
                .Distinct());
        }

        return Without(file, broken);
    }

    private static IEnumerable<(string Name, RuleFileDefinition File)> SingleRuleFiles(RuleFileDefinition file)
    {
        var alone = file with { Assertions = [], ModelAssertions = [], Responders = [] };
        return file.Assertions.Select(rule => (rule.Name, alone with { Assertions = [rule] }))
            .Concat(file.ModelAssertions.Select(rule => (rule.Name, alone with { ModelAssertions = [rule] })))
            .Concat(file.Responders.Select(rule => (rule.Name, alone with { Responders = [rule] })));
    }

    private static RuleFileDefinition Without(RuleFileDefinition file, HashSet<string> rules) => rules.Count == 0 ? file : file with
    {
        Assertions = file.Assertions.Where(rule => !rules.Contains(rule.Name)).ToList(),
        ModelAssertions = file.ModelAssertions.Where(rule => !rules.Contains(rule.Name)).ToList(),
        Responders = file.Responders.Where(rule => !rules.Contains(rule.Name)).ToList(),
    };

    /// <summary>
    /// Emits the assembly with its debugging information embedded: stack traces then name rule-file lines. Code
    /// that compiles but would end the engine's process (<see cref="ProcessExitCheck"/>) fails like code that does
    /// not compile.
    /// </summary>
    private static (byte[]? Assembly, IEnumerable<CompileProblem> Errors) Emit(string source, string key)
    {
        var tree = CSharpSyntaxTree.ParseText(source, ParseOptions, GeneratedPath, Encoding.UTF8);
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release,
            nullableContextOptions: NullableContextOptions.Enable);
        var compilation = CSharpCompilation.Create($"rules_{key[..16]}", [tree], ScriptReferences.Shared.Acquire(), options);
        var refused = ProcessExitCheck.Find(compilation, tree);

        using var assembly = new MemoryStream();
        var result = compilation.Emit(assembly, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded));
        return result.Success && refused.Count == 0
            ? (assembly.ToArray(), [])
            : (null, Errors(result.Diagnostics).Concat(refused));
    }

    /// <summary>Loads a cached assembly, or returns null (and forgets it) when the cached file is damaged.</summary>
    private CompiledRuleFile? TryLoad(RuleFileDefinition file, string key, byte[] assembly)
    {
        try
        {
            return Load(file, key, assembly);
        }
        catch (Exception exception) when (exception is BadImageFormatException or TypeLoadException or FileLoadException)
        {
            cache.Forget(key);
            return null;
        }
    }

    private CompiledRuleFile Load(RuleFileDefinition file, string key, byte[] assembly)
    {
        var context = new RuleLoadContext(file, logs);
        var loaded = context.LoadFromStream(new MemoryStream(assembly));
        var manifestType = loaded.GetType($"{RuleCodeGenerator.GeneratedNamespace}.Manifest", throwOnError: true)!;
        var manifest = (RuleFileManifest)Activator.CreateInstance(manifestType)!;
        return new CompiledRuleFile(file, key, manifest, context);
    }

    /// <summary>
    /// One error per problem, at the operator's line. A mistake in the rule file often breaks generated code too
    /// (a misspelled field type is used again by the record's binder): errors in generated code are reported only
    /// for a rule that has no error in its own lines, and then at the rule's check.
    /// </summary>
    private static List<RuleError> ToRuleErrors(RuleFileDefinition file, CodeWriter writer, IEnumerable<CompileProblem> problems)
    {
        var located = problems.Select(problem => ToRuleError(file, writer, problem)).ToList();
        var rulesWithOwnLines = located.Where(error => error.InUserCode).Select(error => error.Error.Rule).ToHashSet();
        return located
            .Where(error => error.InUserCode || !rulesWithOwnLines.Contains(error.Error.Rule))
            .Select(error => error.Error)
            .Distinct()
            .ToList();
    }

    private static (RuleError Error, bool InUserCode) ToRuleError(RuleFileDefinition file, CodeWriter writer, CompileProblem problem)
    {
        var tree = problem.Location.SourceTree!;
        var inUserCode = tree.GetLineVisibility(problem.Location.SourceSpan.Start) == LineVisibility.Visible;
        var rule = writer.RuleAt(problem.Location.GetLineSpan().StartLinePosition.Line);
        var mapped = problem.Location.GetMappedLineSpan();
        var location = inUserCode
            ? new SourceLocation(file.Path, mapped.StartLinePosition.Line + 1, mapped.StartLinePosition.Character + 1)
            : RuleLocation(file, rule);
        return (new RuleError(location, rule, problem.Message), inUserCode);
    }

    private static IEnumerable<CompileProblem> Errors(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Select(CompileProblem.From);

    private static SourceLocation RuleLocation(RuleFileDefinition file, string? rule) =>
        file.Assertions.Concat(file.ModelAssertions).FirstOrDefault(candidate => candidate.Name == rule)?.Check.Location
        ?? file.Responders.FirstOrDefault(candidate => candidate.Name == rule)?.Location
        ?? new SourceLocation(file.Path, 1, 1);

    private static string Hash(string source) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(BuildIdentity + "\n" + source)));
}
