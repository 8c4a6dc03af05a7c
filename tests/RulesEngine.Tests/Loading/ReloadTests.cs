using System.Runtime.Loader;
using RulesEngine.Compilation;
using RulesEngine.Loading;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Loading;

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
    public async Task Two_hundred_reloads_of_a_changed_file_leave_the_loaded_rule_assemblies_bounded()
    {
        var path = workspace.WriteRules("a.yaml", Rules(0));
        using var engine = workspace.OpenEngine();
        await engine.CheckAsync();

        for (var i = 1; i <= 200; i++)
        {
            File.WriteAllText(path, Rules(i));
            Assert.Empty(engine.LoadRules().Errors);

            // Running the check serializes its details: the serializer's caches must not keep old assemblies alive.
            Assert.Equal(1, (await engine.CheckAsync()).Failed);
        }

        var alive = CollectAndCount(path);
        Assert.True(alive <= 3, $"{alive} load contexts of {path} are alive after 200 reloads; only the current one should be.");
        Assert.Equal(200L, engine.Issues.Find(new()).Single().Details!["version"]!.GetValue<long>());
    }

    // Each version differs in its code, so each reload compiles and loads a new assembly.
    private static string Rules(int version) => $$"""
        assertions:
          - name: version
            check: return ({{version}} < 0, new { version = {{version}} });
        """;

    private static int CollectAndCount(string path)
    {
        for (var i = 0; i < 10 && CountLoadContexts(path) > 1; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return CountLoadContexts(path);
    }

    // Only this test's file: other tests load rule files in parallel.
    private static int CountLoadContexts(string path) =>
        AssemblyLoadContext.All.Count(context => context.Name == $"rules:{path}");
}
