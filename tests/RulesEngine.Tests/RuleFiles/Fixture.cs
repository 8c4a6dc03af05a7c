using RulesEngine.RuleFiles;

namespace RulesEngine.Tests.RuleFiles;

/// <summary>The rule files under Fixtures/, copied beside the test assembly.</summary>
internal static class Fixture
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "RuleFiles", "Fixtures", name);

    public static RuleFileParseResult Parse(string name) => RuleFileParser.ParseFile(PathOf(name));
}
