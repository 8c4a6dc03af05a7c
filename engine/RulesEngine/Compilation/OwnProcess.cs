using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RulesEngine.Compilation;

/// <summary>
/// Finds, for <see cref="ProcessExitCheck"/>, rule code expressions that hold the engine's own process:
/// <c>Process.GetCurrentProcess()</c>; <c>Process.GetProcessById(id)</c> where <c>id</c> is
/// <c>Environment.ProcessId</c> or the <c>Id</c> of the engine's process; and a local variable that such a value is
/// given to anywhere in the file (its declaration, an <c>=</c> or <c>??=</c>, a <c>var</c> or type pattern),
/// through any chain of locals, <c>?:</c>, <c>??</c>, casts and parentheses.
/// </summary>
/// <remarks>
/// Any assignment counts, wherever it is in the file: a local that holds a child process on one path and the engine's
/// on another is refused, which is the sound side to err on. What the walk does not follow is not found: a value passed
/// as an argument (a lambda's or a local function's parameter), returned from a method, kept in a collection, or taken
/// from <c>Process.GetProcesses()</c> and the like, and a process ID that arrives by any other route.
/// </remarks>
internal sealed class OwnProcess(SemanticModel model, INamedTypeSymbol process, INamedTypeSymbol? environment)
{
    private const string Current = "Process.GetCurrentProcess()";
    private const string ById = "Process.GetProcessById(Environment.ProcessId)";

    /// <summary>
    /// How the refusal names a <c>Kill</c> on <paramref name="receiver"/>, such as
    /// <c>Process.GetCurrentProcess().Kill</c> or <c>me.Kill (me holds Process.GetCurrentProcess())</c>, or null when
    /// the receiver is not known to hold the engine's process.
    /// </summary>
    public string? KillOn(ExpressionSyntax? receiver)
    {
        if (Origin(receiver, Visited()) is not { } origin)
        {
            return null;
        }

        return Unwrapped(receiver) is IdentifierNameSyntax local
            ? $"{local.Identifier.ValueText}.Kill ({local.Identifier.ValueText} holds {origin})"
            : $"{origin}.Kill";
    }

    /// <summary>The call by which the expression holds the engine's process, or null.</summary>
    private string? Origin(ExpressionSyntax? expression, HashSet<ISymbol> visited) => Unwrapped(expression) switch
    {
        InvocationExpressionSyntax call when ProcessMethod(call) is "GetCurrentProcess" => Current,
        InvocationExpressionSyntax call when ProcessMethod(call) is "GetProcessById"
            && call.ArgumentList.Arguments.Count > 0 && IsOwnId(call.ArgumentList.Arguments[0].Expression, visited) => ById,
        ConditionalExpressionSyntax conditional => Origin(conditional.WhenTrue, visited) ?? Origin(conditional.WhenFalse, visited),
        BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression) =>
            Origin(coalesce.Left, visited) ?? Origin(coalesce.Right, visited),
        IdentifierNameSyntax name when Local(name, visited) is { } local =>
            ValuesOf(local).Select(value => Origin(value, visited)).FirstOrDefault(origin => origin is not null),
        _ => null,
    };

    /// <summary>Whether the expression is the engine's process ID.</summary>
    private bool IsOwnId(ExpressionSyntax expression, HashSet<ISymbol> visited) => Unwrapped(expression) switch
    {
        MemberAccessExpressionSyntax access when model.GetSymbolInfo(access).Symbol is IPropertySymbol property =>
            (property.Name == "ProcessId" && SymbolEqualityComparer.Default.Equals(property.ContainingType, environment))
            || (property.Name == "Id" && SymbolEqualityComparer.Default.Equals(property.ContainingType, process)
                && Origin(access.Expression, visited) is not null),
        ConditionalExpressionSyntax conditional => IsOwnId(conditional.WhenTrue, visited) || IsOwnId(conditional.WhenFalse, visited),
        IdentifierNameSyntax name when Local(name, visited) is { } local => ValuesOf(local).Any(value => IsOwnId(value, visited)),
        _ => false,
    };

    private string? ProcessMethod(InvocationExpressionSyntax call) =>
        model.GetSymbolInfo(call).Symbol is IMethodSymbol method
        && SymbolEqualityComparer.Default.Equals(method.ContainingType, process)
            ? method.Name
            : null;

    /// <summary>The local the name refers to, once per walk: <c>a = b; b = a;</c> must not loop.</summary>
    private ILocalSymbol? Local(IdentifierNameSyntax name, HashSet<ISymbol> visited) =>
        model.GetSymbolInfo(name).Symbol is ILocalSymbol local && visited.Add(local) ? local : null;

    /// <summary>Every value given to the local in the file.</summary>
    private IEnumerable<ExpressionSyntax> ValuesOf(ILocalSymbol local)
    {
        foreach (var node in model.SyntaxTree.GetRoot().DescendantNodes())
        {
            var value = node switch
            {
                VariableDeclaratorSyntax declarator when Is(model.GetDeclaredSymbol(declarator), local) =>
                    declarator.Initializer?.Value,
                AssignmentExpressionSyntax assignment
                    when assignment.Kind() is SyntaxKind.SimpleAssignmentExpression or SyntaxKind.CoalesceAssignmentExpression
                    && Is(model.GetSymbolInfo(assignment.Left).Symbol, local) => assignment.Right,
                SingleVariableDesignationSyntax designation when Is(model.GetDeclaredSymbol(designation), local) =>
                    Matched(designation),
                _ => null,
            };
            if (value is not null)
            {
                yield return value;
            }
        }
    }

    /// <summary>
    /// The value a pattern variable takes: what <c>is</c> or <c>switch</c> matches, when the variable's pattern is the
    /// whole pattern (<c>x is var p</c>, <c>case Process p</c>), not a part of it (<c>x is { Id: var id }</c>).
    /// </summary>
    private static ExpressionSyntax? Matched(SingleVariableDesignationSyntax designation) =>
        designation.Parent is DeclarationPatternSyntax or VarPatternSyntax
            ? designation.Parent.Parent switch
            {
                IsPatternExpressionSyntax isPattern => isPattern.Expression,
                CasePatternSwitchLabelSyntax label => label.FirstAncestorOrSelf<SwitchStatementSyntax>()?.Expression,
                SwitchExpressionArmSyntax arm => arm.FirstAncestorOrSelf<SwitchExpressionSyntax>()?.GoverningExpression,
                _ => null,
            }
            : null;

    private static bool Is(ISymbol? symbol, ILocalSymbol local) => SymbolEqualityComparer.Default.Equals(symbol, local);

    private static HashSet<ISymbol> Visited() => new(SymbolEqualityComparer.Default);

    private static ExpressionSyntax? Unwrapped(ExpressionSyntax? expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                case CastExpressionSyntax cast:
                    expression = cast.Expression;
                    break;
                case PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    expression = suppressed.Operand;
                    break;
                case BinaryExpressionSyntax asCast when asCast.IsKind(SyntaxKind.AsExpression):
                    expression = asCast.Left;
                    break;
                default:
                    return expression;
            }
        }
    }
}
