using System.Text.RegularExpressions;

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>The rule file being parsed: its path as given, its raw lines (for code positions) and its folder.</summary>
internal sealed partial class RuleFileText
{
    public RuleFileText(string path, string text)
    {
        Path = path;
        Lines = LineBreak().Split(text);
        Directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))
            ?? Environment.CurrentDirectory;
    }

    public string Path { get; }

    /// <summary>
    /// Split where YamlDotNet counts a line break (also a lone CR, NEL, and the Unicode line and paragraph
    /// separators), so index <c>n</c> is the line it reports as <c>n + 1</c>.
    /// </summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>The absolute folder of the rule file, against which relative paths in it are resolved.</summary>
    public string Directory { get; }

    [GeneratedRegex("\r\n|[\n\r\u0085\u2028\u2029]")]
    private static partial Regex LineBreak();
}
