using System.Reflection;
using System.Runtime.Loader;

namespace RulesEngine.Compilation;

/// <summary>
/// A collectible load context holding one rule file's compiled assembly. Everything else resolves from the default
/// context, so rule code and the engine share the engine's types. Unloading it frees the assembly once nothing
/// refers to the file's types any more.
/// </summary>
internal sealed class RuleLoadContext(string ruleFilePath) : AssemblyLoadContext($"rules:{ruleFilePath}", isCollectible: true)
{
    protected override Assembly? Load(AssemblyName assemblyName) => null;
}
