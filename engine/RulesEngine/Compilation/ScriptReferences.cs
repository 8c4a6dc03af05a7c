using Microsoft.CodeAnalysis;

namespace RulesEngine.Compilation;

/// <summary>
/// The assemblies rule C# may use: every assembly the host process trusts (the shared framework and the
/// application's own dependencies, the engine among them). Read once per process; creating the references is
/// the costly part of the first compile.
/// </summary>
internal static class ScriptReferences
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(Load);

    public static IReadOnlyList<MetadataReference> All => References.Value;

    private static IReadOnlyList<MetadataReference> Load()
    {
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

        var paths = trusted.Append(typeof(ScriptReferences).Assembly.Location)
            .Where(path => path.Length > 0 && File.Exists(path))
            .Distinct(StringComparer.Ordinal);

        return paths.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToList();
    }
}
