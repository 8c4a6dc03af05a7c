using System.Reflection;
using System.Runtime.Loader;
using Microsoft.Extensions.Logging;
using RulesEngine.RuleFiles;

namespace RulesEngine.Compilation;

/// <summary>
/// A collectible load context holding one rule file's compiled assembly. Everything else resolves from the default
/// context, so rule code and the engine share the engine's types. Unloading it frees the assembly once nothing
/// refers to the file's types any more.
/// </summary>
/// <remarks>
/// It also remembers which file it holds and where the engine that loaded it logs, so that an exception rule code
/// throws on a thread of its own, outside any run, can be charged to its file and rule (<see cref="RuleThreadGuard"/>).
/// </remarks>
internal sealed class RuleLoadContext(RuleFileDefinition file, ILoggerFactory logs)
    : AssemblyLoadContext($"rules:{file.Path}", isCollectible: true)
{
    public RuleFileDefinition File { get; } = file;

    public ILoggerFactory Logs { get; } = logs;

    /// <summary>The context of the rule file whose compiled code holds <paramref name="method"/>, or null.</summary>
    public static RuleLoadContext? Holding(MethodBase method) =>
        GetLoadContext(method.Module.Assembly) as RuleLoadContext;

    protected override Assembly? Load(AssemblyName assemblyName) => null;
}
