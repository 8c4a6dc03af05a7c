using System.CommandLine;
using RulesEngine.Compilation;
using RulesEngine.Loading;

namespace RulesEngine.Host.Cli;

/// <summary><c>validate</c>: loads and compiles every rule file, runs nothing, and lists every error.</summary>
internal static class ValidateCommand
{
    public static Command Build()
    {
        var rules = CommonOptions.Rules();
        var json = CommonOptions.Json();
        var command = new Command("validate", "Load and compile every rule file without running anything. Exit 0 when all load, 2 otherwise.")
        {
            rules, json,
        };

        command.SetAction(parseResult =>
        {
            var output = new Output(parseResult.GetValue(json));
            var directory = parseResult.GetValue(rules)!;
            if (RulesDirectoryCheck.Problem(directory, "--rules") is { } problem)
            {
                output.Error(problem);
                return ExitCodes.Error;
            }

            // No store and no compile cache: validating must not need, create or change anything.
            var loaded = new RuleSetLoader(new RuleCompiler()).Load(directory);
            output.Write(new { errors = RuleErrorsPrinter.ToJson(loaded), files = loaded.Files.Select(file => file.Path) },
                _ => RuleErrorsPrinter.Print(loaded, directory));

            foreach (var file in loaded.Files)
            {
                file.Unload();
            }

            return loaded.Errors.Count > 0 ? ExitCodes.Error : ExitCodes.Success;
        });

        return command;
    }
}
