using System.CommandLine;

namespace RulesEngine.Host.Cli;

/// <summary>Options shared by several commands, declared once so their names and defaults cannot drift apart.</summary>
internal static class CommonOptions
{
    public static Option<string> Rules() => new("--rules")
    {
        Description = "The folder of rule files (*.yaml, *.yml, *.json).",
        DefaultValueFactory = _ => "rules",
    };

    public static Option<string> Store() => new("--store")
    {
        Description = "The LiteDB file holding issues; created when missing.",
        DefaultValueFactory = _ => Path.Combine("data", "issues.db"),
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print JSON instead of text for people.",
    };
}
