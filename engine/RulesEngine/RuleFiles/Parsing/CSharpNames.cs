using Microsoft.CodeAnalysis.CSharp;

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>Checks names that become C# code: parameters, record fields, namespaces and types.</summary>
internal static class CSharpNames
{
    /// <summary>A name usable as a member without <c>@</c>: an identifier that is not a reserved keyword.</summary>
    public static bool IsIdentifier(string name) =>
        SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

    /// <summary>A namespace name such as <c>System.Net.Http</c>.</summary>
    public static bool IsNamespace(string name) => name.Split('.').All(IsIdentifier);

    /// <summary>Text that parses, whole, as a C# type such as <c>DateTime?</c> or <c>List&lt;string&gt;</c>.</summary>
    public static bool IsType(string text)
    {
        var type = SyntaxFactory.ParseTypeName(text, consumeFullText: true);
        return !type.ContainsDiagnostics && !type.IsMissing;
    }
}
