using System.CommandLine;

namespace RulesEngine.Host.Cli;

/// <summary>Options shared by several commands, declared once so their names and defaults cannot drift apart.</summary>
internal static class CommonOptions
{
    public static Option<string> Rules() => NotBlank(new Option<string>("--rules")
    {
        Description = "The folder of rule files (*.yaml, *.yml, *.json).",
        DefaultValueFactory = _ => "rules",
    }, "the folder that holds the rule files");

    /// <param name="existing">For a command that only reads or changes recorded issues, and creates no store.</param>
    public static Option<string> Store(bool existing = false) => NotBlank(new Option<string>("--store")
    {
        Description = existing ? "The LiteDB file holding issues; it must exist." : "The LiteDB file holding issues; created when missing.",
        DefaultValueFactory = _ => Path.Combine("data", "issues.db"),
    }, "the path of the issue store's file");

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print JSON instead of text for people.",
    };

    /// <summary>
    /// Makes an empty or blank value of a path option a usage error: <c>--rules ""</c>, often a shell variable that
    /// was never set, would otherwise reach .NET's path functions, which throw on it.
    /// </summary>
    /// <param name="expected">What the option names, for the message.</param>
    public static T NotBlank<T>(T option, string expected)
        where T : Option
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && string.IsNullOrWhiteSpace(result.Tokens[^1].Value))
            {
                result.AddError($"{option.Name} is empty; give it {expected}.");
            }
        });
        return option;
    }
}
