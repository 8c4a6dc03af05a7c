using RulesEngine.Checking;
using RulesEngine.Compilation;
using RulesEngine.Issues;
using RulesEngine.Loading;
using RulesEngine.Responding;

namespace RulesEngine;

/// <summary>
/// The engine in-process: an issue store, the rules of a directory, and the check and respond passes over them.
/// This is what the command line and the sidecar are built on, and what a .NET application can embed.
/// </summary>
public sealed class Engine : IDisposable
{
    private readonly RuleSetLoader loader;
    private readonly CheckPass checkPass;
    private readonly AssertionRunner assertions;
    private readonly ModelAssertionRunner modelAssertions;
    private readonly RespondPass respondPass;

    private Engine(EngineOptions options, IssueStore store)
    {
        Options = options;
        Issues = store;
        loader = new RuleSetLoader(new RuleCompiler(options.ResolvedCacheDirectory, options.LoggerFactory));
        checkPass = new CheckPass(store, options);
        assertions = new AssertionRunner(store, options);
        modelAssertions = new ModelAssertionRunner(store, options);
        respondPass = new RespondPass(store, options);
    }

    public EngineOptions Options { get; }

    public IssueStore Issues { get; }

    /// <summary>The rules of the last <see cref="LoadRules"/>; empty before the first.</summary>
    public RuleSet Rules { get; private set; } = RuleSet.Empty;

    /// <summary>Opens the store (failing fast if another process holds it). Rules are not loaded yet.</summary>
    public static Engine Open(EngineOptions options) => new(options, IssueStore.Open(options.StorePath, options.TimeProvider));

    /// <summary>(Re)loads the rules directory; unchanged files are not recompiled.</summary>
    public RuleSet LoadRules()
    {
        Rules = loader.Load(Options.RulesDirectory, Rules);
        return Rules;
    }

    /// <summary>Runs one assertion now (whatever its schedule) and opens or resolves its issue.</summary>
    public Task<RuleRunReport> RunAsync(CompiledAssertion assertion, CancellationToken cancellationToken = default) =>
        assertions.RunAsync(assertion, cancellationToken);

    /// <summary>Runs one model assertion pass now.</summary>
    public Task<RuleRunReport> RunAsync(CompiledModelAssertion rule, CancellationToken cancellationToken = default) =>
        modelAssertions.RunAsync(rule, cancellationToken);

    public Task<CheckSummary> CheckAsync(CancellationToken cancellationToken = default) =>
        checkPass.RunAsync(Rules, cancellationToken);

    /// <summary>Runs every check once, telling <paramref name="ran"/> of each rule's report as soon as it has run.</summary>
    public Task<CheckSummary> CheckAsync(Action<RuleRunReport> ran, CancellationToken cancellationToken = default) =>
        checkPass.RunAsync(Rules, cancellationToken, ran);

    public Task<RespondSummary> RespondAsync(CancellationToken cancellationToken = default) =>
        respondPass.RunAsync(Rules, cancellationToken);

    public void Dispose()
    {
        foreach (var file in Rules.Files)
        {
            file.Unload();
        }

        Issues.Dispose();
    }
}
