using Fluid;
using RulesEngine.RuleFiles;

namespace RulesEngine.Templates;

/// <summary>Parses templates when their rule file loads. Thread-safe: the parser is built once and never changed.</summary>
internal static class TemplateParser
{
    private static readonly FluidParser Parser = new(new FluidParserOptions { AllowFunctions = false });

    /// <param name="key">The rule file key the text is the value of, such as <c>subject</c>.</param>
    /// <param name="error">Why the text is not a usable template: Fluid's syntax error, or every unknown name.</param>
    /// <returns>The parsed template, or null with <paramref name="error"/> set.</returns>
    public static IssueTemplate? TryParse(string key, string text, SourceLocation location, out string? error)
    {
        if (!Parser.TryParse(text, out var parsed, out var syntaxError))
        {
            // Fluid's message ends with the whole source again; its first line has what and where (line:column).
            error = $"invalid template: {syntaxError.Split('\n')[0].Trim()} in the template";
            return null;
        }

        var problems = TemplateReferenceCheck.Check(parsed);
        if (problems.Count > 0)
        {
            error = string.Join("; ", problems);
            return null;
        }

        error = null;
        return new IssueTemplate(key, text, location, parsed);
    }
}
