using RulesEngine.RuleFiles;

namespace RulesEngine.Tests.RuleFiles;

internal static class ParseResultAssertions
{
    /// <summary>The one error at this line and column; fails when there is none or more than one.</summary>
    public static RuleError ErrorAt(this RuleFileParseResult result, int line, int column)
    {
        var found = result.Errors.Where(error => error.Location.Line == line && error.Location.Column == column);
        Assert.True(found.Count() == 1,
            $"expected one error at {line}:{column}; the errors are:\n{string.Join("\n", result.Errors)}");
        return found.Single();
    }

    /// <summary>The names of every rule kept, assertions, model assertions then responders.</summary>
    public static IReadOnlyList<string> RuleNames(this RuleFileParseResult result) =>
    [
        .. result.File.Assertions.Select(rule => rule.Name),
        .. result.File.ModelAssertions.Select(rule => rule.Name),
        .. result.File.Responders.Select(rule => rule.Name),
    ];
}
