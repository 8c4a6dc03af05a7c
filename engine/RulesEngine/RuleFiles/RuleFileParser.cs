using RulesEngine.RuleFiles.Parsing;

namespace RulesEngine.RuleFiles;

/// <summary>
/// Parses a rule file (YAML, or JSON, which YAML reads too) into definitions, validated but not compiled.
/// Never throws for bad content: every problem found becomes a <see cref="RuleError"/> with its file, line,
/// column and rule, sorted by position; a rule with an error is left out and the file's other rules are kept.
/// </summary>
public static class RuleFileParser
{
    /// <param name="path">Used in errors and to resolve relative paths of sources; the file is not read.</param>
    public static RuleFileParseResult Parse(string path, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(text);

        var errors = new List<RuleError>();
        var root = YamlDocumentReader.Read(path, text, errors);
        var file = root is null
            ? new RuleFileDefinition { Path = path }
            : RuleFileReader.Read(root, new RuleFileText(path, text), errors);

        var sorted = errors.OrderBy(error => error.Location.Line).ThenBy(error => error.Location.Column).ToList();
        return new RuleFileParseResult(file, sorted);
    }

    /// <summary>Reads and parses the file; a file that cannot be read gives one error at its line 1.</summary>
    public static RuleFileParseResult ParseFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException
            or NotSupportedException or System.Security.SecurityException)
        {
            var error = new RuleError(new SourceLocation(path, 1, 1), null,
                $"cannot read the rule file: {exception.Message}");
            return new RuleFileParseResult(new RuleFileDefinition { Path = path }, [error]);
        }

        return Parse(path, text);
    }
}
