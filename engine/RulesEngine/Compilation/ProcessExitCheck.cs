using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RulesEngine.Compilation;

/// <summary>
/// Refuses rule code that would end the engine's process: <c>Environment.Exit</c> and <c>Environment.FailFast</c>
/// (every overload, called or taken as a delegate), and <c>Process.Kill</c> (every overload) on the engine's own
/// process as <see cref="OwnProcess"/> finds it: <c>Process.GetCurrentProcess()</c>,
/// <c>Process.GetProcessById(Environment.ProcessId)</c>, or a local variable given either. A rule shares its process
/// with every other rule and, in the sidecar, with the API: one rule must not stop them all, least of all with exit
/// code 0, which a supervisor reads as a clean stop.
/// </summary>
/// <remarks>
/// The semantic model decides, so full names (<c>global::System.Environment.Exit</c>) and method groups are caught
/// alike and a method of the same name on another type is not. <c>Kill</c> on any other process, such as a child the
/// rule started, is allowed. What it cannot see is not refused: reflection, the engine's <c>Process</c> passed to a
/// lambda or a method or found among <c>Process.GetProcesses()</c>, a signal sent through another program
/// (<c>kill</c> started with <c>Process.Start</c>), native calls. Unbounded recursion ends the process too, and .NET
/// cannot catch a stack overflow: nothing here tries.
/// </remarks>
internal static class ProcessExitCheck
{
    // Only a member access with one of these names can reach the refused methods: rule code cannot write a
    // 'using static', so every call and method group names its type. The name only picks what the semantic model is
    // asked about, which keeps the check's cost off the many other calls of a large file.
    private static readonly HashSet<string> Names = ["Exit", "FailFast", "Kill"];

    /// <summary>Every refused use in the rule file's own code (generated code is hidden and skipped).</summary>
    public static IReadOnlyList<CompileProblem> Find(CSharpCompilation compilation, SyntaxTree tree)
    {
        var candidates = Candidates(tree.GetRoot()).ToList();
        if (candidates.Count == 0)
        {
            // The usual case, and the cheap one: looking types up in the references would cost more than the walk.
            return [];
        }

        var environment = compilation.GetTypeByMetadataName("System.Environment");
        var process = compilation.GetTypeByMetadataName("System.Diagnostics.Process");
        var model = compilation.GetSemanticModel(tree);
        var found = new List<CompileProblem>();

        foreach (var name in candidates)
        {
            if (Refusal(model, name, environment, process) is { } what)
            {
                found.Add(new CompileProblem(Site(name).GetLocation(), $"{what} would end the engine's process, and " +
                    "every other rule with it: a check reports a problem by returning false or throwing, an action " +
                    "by throwing"));
            }
        }

        return found;
    }

    /// <summary>The names of members accessed (<c>x.Exit</c>, <c>x?.Kill</c>) in visible, rule-written lines.</summary>
    private static IEnumerable<SimpleNameSyntax> Candidates(SyntaxNode root) =>
        root.DescendantNodes()
            .Select(node => node switch
            {
                MemberAccessExpressionSyntax access => access.Name,
                MemberBindingExpressionSyntax binding => binding.Name,
                _ => null,
            })
            .OfType<SimpleNameSyntax>()
            .Where(name => Names.Contains(name.Identifier.ValueText))
            .Where(name => name.SyntaxTree.GetLineVisibility(name.SpanStart) == LineVisibility.Visible);

    private static string? Refusal(SemanticModel model, SimpleNameSyntax name, INamedTypeSymbol? environment,
        INamedTypeSymbol? process)
    {
        var symbol = model.GetSymbolInfo(name).Symbol as IMethodSymbol;
        if (symbol is null || IsInNameOf(name))
        {
            return null;
        }

        if (SymbolEqualityComparer.Default.Equals(symbol.ContainingType, environment)
            && symbol.Name is "Exit" or "FailFast")
        {
            return $"Environment.{symbol.Name}";
        }

        return SymbolEqualityComparer.Default.Equals(symbol.ContainingType, process) && symbol.Name == "Kill"
            && process is not null
            ? new OwnProcess(model, process, environment).KillOn(Receiver(name))
            : null;
    }

    /// <summary>Where the call starts: at its receiver, <c>Environment</c> of <c>Environment.Exit(0)</c>.</summary>
    private static SyntaxNode Site(SimpleNameSyntax name) =>
        name.Parent is MemberBindingExpressionSyntax binding
            ? (SyntaxNode?)binding.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>() ?? binding
            : name.Parent!;

    private static ExpressionSyntax? Receiver(SimpleNameSyntax name) => name.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Expression,
        MemberBindingExpressionSyntax binding => binding.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>()?.Expression,
        _ => null,
    };

    // nameof(Environment.Exit) names the method without calling it.
    private static bool IsInNameOf(SyntaxNode node) =>
        node.Ancestors().OfType<InvocationExpressionSyntax>().Any(call =>
            call.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" });
}
