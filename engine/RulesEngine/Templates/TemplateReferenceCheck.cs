using Fluid;
using Fluid.Ast;
using RulesEngine.RuleFiles.Parsing;

namespace RulesEngine.Templates;

/// <summary>
/// Finds the names a template uses that no issue could have, in every branch, whether it would run or not:
/// an unknown variable (<c>isue.name</c>) or field (<c>issue.nmae</c>). Names the template defines itself
/// (<c>assign</c>, <c>capture</c>, loop variables) are its own. Fields under <c>issue.details</c> are not checked:
/// they are known only when the action runs. Filters are checked against those the engine renders with.
/// </summary>
internal sealed class TemplateReferenceCheck : AstVisitor
{
    private readonly HashSet<string> defined = new(TemplateNames.Builtins, StringComparer.Ordinal);
    private readonly List<IReadOnlyList<string>> paths = [];
    private readonly List<string> filters = [];

    /// <returns>One message per wrong name, in the order written; empty when every name is known.</returns>
    public static IReadOnlyList<string> Check(IFluidTemplate template)
    {
        var check = new TemplateReferenceCheck();
        check.VisitTemplate(template);
        var names = check.paths
            .Where(path => !check.defined.Contains(path[0]))
            .Select(Problem);
        var filters = check.filters
            .Where(filter => !TemplateScope.FilterNames.Contains(filter))
            .Select(filter => UnknownFilter(filter));
        return names.Concat(filters).OfType<string>().Distinct().ToList();
    }

    protected override Expression VisitFilterExpression(FilterExpression filterExpression)
    {
        filters.Add(filterExpression.Name);
        return base.VisitFilterExpression(filterExpression);
    }

    protected override Expression VisitMemberExpression(MemberExpression memberExpression)
    {
        // The identifiers up to the first indexer (issue.details["a b"]): past one, names are computed.
        var path = memberExpression.Segments
            .TakeWhile(segment => segment is IdentifierSegment)
            .Cast<IdentifierSegment>()
            .Select(segment => segment.Identifier)
            .ToList();
        if (path.Count > 0)
        {
            paths.Add(path);
        }

        return base.VisitMemberExpression(memberExpression);
    }

    protected override Statement VisitAssignStatement(AssignStatement assignStatement) =>
        Define(assignStatement.Identifier, () => base.VisitAssignStatement(assignStatement));

    protected override Statement VisitCaptureStatement(CaptureStatement captureStatement) =>
        Define(captureStatement.Identifier, () => base.VisitCaptureStatement(captureStatement));

    protected override Statement VisitForStatement(ForStatement forStatement) =>
        Define(forStatement.Identifier, () => base.VisitForStatement(forStatement));

    protected override Statement VisitTableRowStatement(TableRowStatement tableRowStatement) =>
        Define(tableRowStatement.Identifier, () => base.VisitTableRowStatement(tableRowStatement));

    protected override Statement VisitIncrementStatement(IncrementStatement incrementStatement) =>
        Define(incrementStatement.Identifier, () => base.VisitIncrementStatement(incrementStatement));

    protected override Statement VisitDecrementStatement(DecrementStatement decrementStatement) =>
        Define(decrementStatement.Identifier, () => base.VisitDecrementStatement(decrementStatement));

    private Statement Define(string identifier, Func<Statement> visit)
    {
        defined.Add(identifier);
        return visit();
    }

    private static string? Problem(IReadOnlyList<string> path)
    {
        if (!TemplateNames.Variables.Contains(path[0]))
        {
            return Unknown($"variable '{path[0]}'", path[0], TemplateNames.Variables, "a template can use");
        }

        for (var length = 1; length < path.Count; length++)
        {
            var fields = TemplateNames.FieldsOf(path.Take(length).ToList());
            if (fields is null)
            {
                return null;
            }

            if (!fields.Contains(path[length]))
            {
                var owner = string.Join('.', path.Take(length));
                return Unknown($"field '{owner}.{path[length]}'", path[length], fields, $"{owner} has");
            }
        }

        return null;
    }

    private static string UnknownFilter(string filter)
    {
        var closest = EditDistance.Closest(filter, TemplateScope.FilterNames);
        var hint = closest is null ? "" : $"; did you mean '{closest}'?";
        return $"unknown filter '{filter}'{hint} (see the Liquid filters in docs/responders.md)";
    }

    private static string Unknown(string what, string name, IReadOnlyList<string> known, string knownAre)
    {
        var closest = EditDistance.Closest(name, known);
        var hint = closest is null ? "" : $"; did you mean '{closest}'?";
        return $"unknown {what}{hint} ({knownAre} {string.Join(", ", known)})";
    }
}
