using System.Runtime.Loader;
using RulesEngine.Compilation;
using RulesEngine.Loading;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Loading;

// Measures memory and assemblies, which tests running beside it would disturb.
[Collection(MeasuredAlone.Name)]
public sealed class ReloadTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Reloading_an_unchanged_directory_compiles_nothing()
    {
        workspace.WriteRules("a.yaml", "assertions: [ { name: a, check: \"true\" } ]");
        var loader = new RuleSetLoader(new RuleCompiler());
        var first = loader.Load(workspace.RulesDirectory);

        var second = loader.Load(workspace.RulesDirectory, first);

        Assert.Same(first.Files.Single(), second.Files.Single());
    }

    [Fact]
    public void Reload_with_a_broken_file_keeps_the_previous_rules_and_reports_the_error()
    {
        var path = workspace.WriteRules("a.yaml", "assertions: [ { name: a, check: \"true\" } ]");
        var loader = new RuleSetLoader(new RuleCompiler());
        var first = loader.Load(workspace.RulesDirectory);

        File.WriteAllText(path, "assertions: [ { name: a, check: \"true +\" } ]");
        var second = loader.Load(workspace.RulesDirectory, first);

        Assert.Same(first.Files.Single(), second.Files.Single());
        Assert.NotEmpty(second.Errors);
        Assert.All(second.Errors, error => Assert.Equal((path, "a", 1), (error.Location.File, error.Rule, error.Location.Line)));
    }

    [Fact]
    public void A_name_a_new_file_takes_from_a_running_one_runs_once_from_the_file_a_restart_would_give_it()
    {
        var running = workspace.WriteRules("a2.yaml", "assertions: [ { name: a fails, check: \"false\" }, { name: other, check: \"true\" } ]");
        var loader = new RuleSetLoader(new RuleCompiler());
        var first = loader.Load(workspace.RulesDirectory);

        var added = workspace.WriteRules("0.yaml", "assertions: [ { name: a fails, check: \"true\" } ]");
        var reloaded = loader.Load(workspace.RulesDirectory, first);
        var restarted = new RuleSetLoader(new RuleCompiler()).Load(workspace.RulesDirectory);

        foreach (var rules in new[] { reloaded, restarted })
        {
            Assert.Equal([("a fails", added), ("other", running)],
                rules.Assertions.Select(rule => (rule.Name, rule.File.Path)).OrderBy(rule => rule.Name, StringComparer.Ordinal));
            var error = Assert.Single(rules.Errors);
            Assert.Equal((running, "a fails"), (error.Location.File, error.Rule));
        }
    }

    [Fact]
    public async Task A_thousand_reloads_of_a_changed_file_leave_memory_and_loaded_rule_assemblies_flat()
    {
        // Two versions, alternating, with the compile cache on: each reload still unloads the running version and
        // loads the other into a new context (what could leak), without paying a compile a thousand times.
        var path = workspace.WriteRules("a.yaml", Rules(0));
        using var engine = workspace.OpenEngine(workspace.Options with { CompileCacheDirectory = Path.Combine(workspace.Root, "cache") });
        long warmedUpMemory = 0;
        var versions = new HashSet<string>();

        for (var i = 1; i <= 1000; i++)
        {
            File.WriteAllText(path, Rules(i % 2));
            Assert.Empty(engine.LoadRules().Errors);
            versions.Add("rules_" + engine.Rules.Files.Single().ContentHash[..16]);
            if (i % 100 == 0)
            {
                // Running the check serializes its details: the serializer's caches must not keep old assemblies alive.
                Assert.Equal(1, (await engine.CheckAsync()).Failed);
            }

            if (i == 100)
            {
                warmedUpMemory = CollectAndMeasure(path);
            }
        }

        var memory = CollectAndMeasure(path);
        var contexts = CountLoadContexts(path);
        var loaded = AppDomain.CurrentDomain.GetAssemblies().Count(assembly => versions.Contains(assembly.GetName().Name!));
        Assert.True(contexts <= 2, $"{contexts} load contexts of {path} are alive after 1,000 reloads; only the current one should be.");
        Assert.True(loaded <= 2, $"{loaded} assemblies of this file's 1,000 loads are still loaded; only the current one should be.");
        Assert.True(memory < warmedUpMemory * 1.10 + 2_000_000, $"{memory:N0} bytes in use after 1,000 reloads, {warmedUpMemory:N0} after 100.");
        Assert.Equal(0L, engine.Issues.Find(new()).Single().Details!["version"]!.GetValue<long>());
    }

    // Each version differs in its code, so each reload compiles and loads a new assembly.
    private static string Rules(int version) => $$"""
        assertions:
          - name: version
            check: return ({{version}} < 0, new { version = {{version}} });
        """;

    /// <summary>Collects until the file's unloaded contexts are gone (unloading takes a few collections), then
    /// returns the managed memory in use.</summary>
    private static long CollectAndMeasure(string path)
    {
        for (var i = 0; i < 20 && (CountLoadContexts(path) > 1 || RuleAssemblies() > 1); i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    // An unloaded context leaves the list of contexts before its assembly is freed: both are counted.
    private static int RuleAssemblies() =>
        AppDomain.CurrentDomain.GetAssemblies().Count(assembly => assembly.GetName().Name?.StartsWith("rules_", StringComparison.Ordinal) == true);

    // Only this test's file: other tests load rule files in parallel.
    private static int CountLoadContexts(string path) =>
        AssemblyLoadContext.All.Count(context => context.Name == $"rules:{path}");
}
