using RulesEngine.Compilation;
using RulesEngine.Loading;
using RulesEngine.Scripting;

namespace RulesEngine.Benchmarks.Compilation;

/// <summary>The engine loading a rules directory with its own loader: parsing, compiling (or reading the cache), loading.</summary>
public static class EngineRuleLoad
{
    /// <summary>Loads the directory, fails on any error, and returns the loaded set; the caller unloads it.</summary>
    public static RuleSet Load(string directory, string? compileCache)
    {
        var rules = new RuleSetLoader(new RuleCompiler(compileCache)).Load(directory);
        if (rules.Errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, rules.Errors));
        }

        return rules;
    }

    public static void Unload(RuleSet rules)
    {
        foreach (var file in rules.Files)
        {
            file.Unload();
        }
    }

    /// <summary>Runs every loaded assertion's check once, outside the store, and returns how many held.</summary>
    public static int Holding(RuleSet rules) => rules.Assertions.Count(assertion =>
    {
        var script = assertion.Create();
        script.Attach(new ScriptContext(DateTime.UtcNow, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, null!, CancellationToken.None));
        return script.CheckAsync().AsTask().GetAwaiter().GetResult().Ok;
    });
}
