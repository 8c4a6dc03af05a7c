using Microsoft.Extensions.Logging;

namespace RulesEngine.Host.Cli;

/// <summary>
/// Turns an exit that nothing asked for into a failure a supervisor sees. Rule code runs in the engine's process, and
/// the loader refuses <c>Environment.Exit</c> written in a rule, but not a call made through reflection: such an exit
/// ended the sidecar with the code the rule passed, 0, and no log line, which systemd's <c>Restart=on-failure</c> takes
/// for a clean stop, and made <c>check</c> exit 0 with no output.
/// </summary>
/// <remarks>
/// Every exit that runs .NET's <see cref="AppDomain.ProcessExit"/> handlers passes here: <c>Environment.Exit</c> from
/// any thread, and the return from <c>Main</c>. Program marks the return (<see cref="MarkRequested"/>) once the command
/// has ended, whichever way: a usage error, the command's own result, or the sidecar's host stopping after SIGTERM or
/// SIGINT. Any exit before that mark was not asked for. Signals nothing handles do not pass here: the runtime ends the
/// process by the signal, without ProcessExit.
/// <para>
/// Measured on Linux with .NET 10: <see cref="Environment.ExitCode"/> set in a ProcessExit handler is the process's
/// exit code, whatever code was passed to <c>Environment.Exit</c> (or returned from <c>Main</c>), so no native
/// <c>_exit</c> is needed, and the runtime still finishes its own shutdown.
/// </para>
/// </remarks>
internal static class ProcessExitGuard
{
    private const string Message = "The process is ending without a stop request; rule code may have called "
        + "Environment.Exit({RequestedExitCode}). It exits with code {ExitCode} instead, so that a supervisor sees a failure.";

    private static volatile bool requested;
    private static volatile ILoggerFactory? logs;

    public static void Install() => AppDomain.CurrentDomain.ProcessExit += OnProcessExit;

    /// <summary>Marks the exit that follows as asked for: the command has ended and Main returns.</summary>
    public static void MarkRequested() => requested = true;

    /// <summary>
    /// Where to report an unrequested exit: the engine's logs, which go where the command's or the sidecar's logs go.
    /// Before this is called, the report is written to stderr.
    /// </summary>
    public static void LogThrough(ILoggerFactory loggerFactory) => logs = loggerFactory;

    private static void OnProcessExit(object? sender, EventArgs e)
    {
        if (requested)
        {
            return;
        }

        // First, so that nothing going wrong in the report below can leave the code the rule asked for.
        var asked = Environment.ExitCode;
        Environment.ExitCode = ExitCodes.UnrequestedExit;
        Report(asked);
    }

    private static void Report(int asked)
    {
        try
        {
            if (logs is { } factory)
            {
                factory.CreateLogger(typeof(ProcessExitGuard).FullName!)
                    .LogCritical(EngineEvents.UnrequestedExit, Message, asked, ExitCodes.UnrequestedExit);

                // The console logger writes from a queue of its own; disposing it writes what is queued.
                factory.Dispose();
            }
            else
            {
                Console.Error.WriteLine(Message.Replace("{RequestedExitCode}", $"{asked}").Replace("{ExitCode}", $"{ExitCodes.UnrequestedExit}"));
            }
        }
        catch (Exception exception)
        {
            // A failure to report must not stop the exit code from being the failure it now is.
            Console.Error.WriteLine($"The process is ending without a stop request, and reporting it failed: {exception.Message}");
        }
    }
}
