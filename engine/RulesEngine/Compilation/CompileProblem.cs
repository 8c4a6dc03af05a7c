using System.Globalization;
using Microsoft.CodeAnalysis;

namespace RulesEngine.Compilation;

/// <summary>Something that keeps rule code from loading, where it is in the generated source, and why.</summary>
internal sealed record CompileProblem(Location Location, string Message)
{
    /// <summary>A compiler error, its message prefixed with its id (<c>C# CS0103: ...</c>) for searching.</summary>
    public static CompileProblem From(Diagnostic diagnostic) =>
        new(diagnostic.Location, $"C# {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
}
