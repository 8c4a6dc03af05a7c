using RulesEngine.Host.Cli;

var parseResult = EngineCommandLine.Build().Parse(args);

// Usage errors exit with 2, as rule errors do, rather than System.CommandLine's 1, which here means "a check failed".
if (parseResult.Errors.Count > 0)
{
    foreach (var error in parseResult.Errors)
    {
        Console.Error.WriteLine(error.Message);
    }

    Console.Error.WriteLine("Run with --help for usage.");
    return ExitCodes.Error;
}

return await parseResult.InvokeAsync();
