using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RulesEngine.RuleFiles;

namespace RulesEngine.Compilation;

/// <summary>Decides how a snippet of inline C# is wrapped: as an expression or statements, sync or async.</summary>
internal static class Snippets
{
    /// <summary>True when the whole snippet is one expression (no statements, no trailing semicolon).</summary>
    public static bool IsExpression(CodeSnippet snippet)
    {
        var text = snippet.Text.Trim();
        if (text.Length == 0)
        {
            return false;
        }

        var expression = SyntaxFactory.ParseExpression(text);
        return !expression.ContainsDiagnostics && expression.FullSpan.Length == text.Length;
    }

    /// <summary>True when the snippet awaits at its own level (not only inside a lambda or local function).</summary>
    public static bool UsesAwait(CodeSnippet snippet)
    {
        var root = SyntaxFactory.ParseStatement("{" + snippet.Text + "\n}");
        return root.DescendantNodes(node => node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .Any(node => node is AwaitExpressionSyntax
                || node is ForEachStatementSyntax { AwaitKeyword.RawKind: > 0 }
                || node is UsingStatementSyntax { AwaitKeyword.RawKind: > 0 }
                || node is LocalDeclarationStatementSyntax { AwaitKeyword.RawKind: > 0 });
    }

    /// <summary>A name usable as a C# identifier: keywords get the verbatim prefix.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.RecordKeyword
            ? "@" + name
            : name;

    public static bool IsIdentifier(string name) => SyntaxFacts.IsValidIdentifier(name);

    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
