using RulesEngine.Host.Cli;

// Rule code can end the process (Environment.Exit through reflection); the guard makes such an exit a failure.
ProcessExitGuard.Install();

// Rule code can throw on a thread of its own (async void, new Thread), which would end the process; this guard ends
// only that thread and logs it.
RulesEngine.RuleThreadGuard.Install();
try
{
    if (ArgumentEncoding.Problem() is { } notUtf8)
    {
        Console.Error.WriteLine(notUtf8);
        return ExitCodes.Error;
    }

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

    // The sidecar's host handles SIGTERM and Ctrl-C with its own grace period; System.CommandLine's handler would cut
    // it short after two seconds.
    return await parseResult.InvokeAsync(new System.CommandLine.InvocationConfiguration { ProcessTerminationTimeout = null });
}
finally
{
    ProcessExitGuard.MarkRequested();
}
