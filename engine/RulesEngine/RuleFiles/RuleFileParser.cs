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

    /// <summary>
    /// Reads and parses the file. A file that cannot be read, that is not a regular file (a FIFO is never opened), or
    /// that is not valid UTF-8 gives one error, at its line 1 or at the first bad byte.
    /// </summary>
    public static RuleFileParseResult ParseFile(string path)
    {
        var text = RuleFileContent.Read(path, out var error);
        return text is null
            ? new RuleFileParseResult(new RuleFileDefinition { Path = path }, [error!])
            : Parse(path, text);
    }
}
