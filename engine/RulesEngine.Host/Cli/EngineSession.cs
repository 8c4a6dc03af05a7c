using LiteDB;
using Microsoft.Extensions.Logging;
using RulesEngine.Issues;

namespace RulesEngine.Host.Cli;

/// <summary>
/// Opens the engine for one command, with the settings of <see cref="EnvironmentSettings"/>, turning a missing rules
/// directory, and a store that is held by another process, damaged or out of reach, into one clear message.
/// </summary>
internal static class EngineSession
{
    /// <summary>
    /// Opens the engine, runs <paramref name="command"/> on it and closes it. A failure LiteDB reports on the way (damage
    /// in the middle of the store, which the checks at open do not read) is the damaged-store message and exit 2, as at
    /// open, rather than a stack trace.
    /// </summary>
    public static async Task<int> RunAsync(string rules, string store, Output output, Func<Engine, Task<int>> command)
    {
        using var engine = Open(rules, store, output);
        if (engine is null)
        {
            return ExitCodes.Error;
        }

        try
        {
            return await command(engine);
        }
        catch (LiteException exception)
        {
            output.Error(StoreDamagedException.FoundInUse(engine.Issues.Path, exception).Message);
            return ExitCodes.Error;
        }
        catch (StoreDamagedException exception)
        {
            // Damage LiteDB met without a LiteException, which the store reports itself.
            output.Error(exception.Message);
            return ExitCodes.Error;
        }
    }

    private static Engine? Open(string rules, string store, Output output)
    {
        if (RulesDirectoryCheck.Problem(rules, "--rules") is { } problem)
        {
            output.Error(problem);
            return null;
        }

        var options = new EngineOptions
        {
            RulesDirectory = rules,
            StorePath = store,
            // Logs go to stderr, so that stdout holds only the command's output (and stays valid JSON with --json).
            LoggerFactory = LoggerFactory.Create(builder => builder
                .AddSimpleConsole(console => console.SingleLine = true)
                .AddFilter(level => level >= LogLevel.Warning)
                .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace)),
        };

        ProcessExitGuard.LogThrough(options.LoggerFactory);
        options = EnvironmentSettings.Apply(options, out var errors);
        if (errors.Count > 0)
        {
            output.Error(string.Join(Environment.NewLine, errors));
            return null;
        }

        try
        {
            return Engine.Open(options);
        }
        catch (IOException exception)
        {
            output.Error(exception.Message);
            return null;
        }
    }
}
