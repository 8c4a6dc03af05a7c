using RulesEngine.Loading;

namespace RulesEngine.Host.Cli;

/// <summary>Prints what a load found wrong with the rule files, one error per line, each with its location.</summary>
internal static class RuleErrorsPrinter
{
    public static void Print(RuleSet rules, string directory)
    {
        var ruleCount = rules.Assertions.Count + rules.ModelAssertions.Count + rules.Responders.Count;
        var failedFiles = rules.Errors.Select(error => error.Location.File).Distinct().Count();
        var errors = rules.Errors.Count == 0 ? ""
            : $"; {Counted.Of(rules.Errors.Count, "error")} in {Counted.Of(failedFiles, "file")}, on stderr";
        Console.WriteLine($"Loaded {Counted.Of(ruleCount, "rule")} from {Counted.Of(rules.Files.Count, "file")} in {directory}{errors}.");
        foreach (var error in rules.Errors)
        {
            Console.Error.WriteLine($"error: {error}");
        }
    }

    public static object ToJson(RuleSet rules) => rules.Errors.Select(error => new
    {
        file = error.Location.File,
        line = error.Location.Line,
        column = error.Location.Column,
        rule = error.Rule,
        message = error.Message,
    });
}
