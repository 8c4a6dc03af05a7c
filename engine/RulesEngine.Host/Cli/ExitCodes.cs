namespace RulesEngine.Host.Cli;

/// <summary>What the command line returns, for scripts and cron jobs to act on.</summary>
internal static class ExitCodes
{
    /// <summary>Everything held (or the command did what it was asked).</summary>
    public const int Success = 0;

    /// <summary>Some check failed: issues are open. Also: a respond pass in which an action failed or an interrupted one was abandoned.</summary>
    public const int Failed = 1;

    /// <summary>A rule file, a rule or the command line is wrong, a rule could not be checked, or the store is held by another process.</summary>
    public const int Error = 2;

    /// <summary>
    /// The process was ending without a stop request: rule code called Environment.Exit, say. 70 is sysexits.h's
    /// EX_SOFTWARE, an internal software error; any non-zero code makes a supervisor (systemd's Restart=on-failure)
    /// restart the sidecar.
    /// </summary>
    public const int UnrequestedExit = 70;
}
