using Microsoft.Extensions.Logging;

namespace RulesEngine;

/// <summary>
/// Every event the engine logs, with a stable id, so log queries and alerts can match on ids rather than text.
/// Ids are never reused; new events take the next free number in their hundred.
/// </summary>
public static class EngineEvents
{
    public static readonly EventId RulesLoaded = new(100, nameof(RulesLoaded));
    public static readonly EventId RuleFileError = new(101, nameof(RuleFileError));
    public static readonly EventId RulesReloaded = new(102, nameof(RulesReloaded));
    public static readonly EventId ReloadFailed = new(103, nameof(ReloadFailed));

    public static readonly EventId CheckPassed = new(200, nameof(CheckPassed));
    public static readonly EventId CheckFailed = new(201, nameof(CheckFailed));
    public static readonly EventId CheckError = new(202, nameof(CheckError));
    public static readonly EventId IssueOpened = new(210, nameof(IssueOpened));
    public static readonly EventId IssueResolved = new(211, nameof(IssueResolved));

    /// <summary>
    /// A model assertion's pass changed the store: how many issues it opened, resolved and updated, in one line
    /// (a pass may change thousands of records' issues; each issue's own history is in the store).
    /// </summary>
    public static readonly EventId ModelPassCompleted = new(212, nameof(ModelPassCompleted));

    public static readonly EventId RunSkipped = new(220, nameof(RunSkipped));
    public static readonly EventId RespondPassFailed = new(221, nameof(RespondPassFailed));
    public static readonly EventId ShutdownAbandoned = new(222, nameof(ShutdownAbandoned));

    /// <summary>
    /// Rule code threw on a thread it started itself (async void, a thread, the thread pool, a timer), outside any check
    /// or action: that thread ended, the process goes on. Logged at Error by <see cref="RuleThreadGuard"/>.
    /// </summary>
    public static readonly EventId RuleThreadError = new(223, nameof(RuleThreadError));

    public static readonly EventId ActionSucceeded = new(300, nameof(ActionSucceeded));
    public static readonly EventId ActionFailed = new(301, nameof(ActionFailed));
    public static readonly EventId ActionLog = new(302, nameof(ActionLog));
    public static readonly EventId ActionGaveUp = new(303, nameof(ActionGaveUp));
    public static readonly EventId ActionInterrupted = new(304, nameof(ActionInterrupted));
    public static readonly EventId WatchPatternTimedOut = new(305, nameof(WatchPatternTimedOut));

    /// <summary>A request to the sidecar's API failed with an unexpected exception; the client got a 500 saying so.</summary>
    public static readonly EventId RequestFailed = new(400, nameof(RequestFailed));

    /// <summary>
    /// The process is ending without a stop request (rule code may have called Environment.Exit, through
    /// reflection, which the loader cannot see); it exits with a failure code instead of the code asked for.
    /// </summary>
    public static readonly EventId UnrequestedExit = new(500, nameof(UnrequestedExit));
}
