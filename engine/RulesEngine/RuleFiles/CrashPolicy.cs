namespace RulesEngine.RuleFiles;

/// <summary>
/// A responder's <c>on_crash</c>: what the next respond pass does with a run recorded as started but never
/// completed, because the engine stopped (was killed, crashed, lost power) while the action ran. Whether the action
/// took effect is unknown; the policy chooses which way to be wrong.
/// </summary>
public enum CrashPolicy
{
    /// <summary>Run it again (at-least-once): the interrupted run is recorded as failed and the next attempt runs.</summary>
    Retry,

    /// <summary>Do not run it again (at-most-once): the interrupted run is recorded as abandoned.</summary>
    Abandon,
}
