namespace RulesEngine.Issues;

/// <summary>How one run of a responder action ended, or that it has not ended yet.</summary>
public enum ActionOutcome
{
    /// <summary>Recorded before the action runs; a run still Started after a crash was interrupted.</summary>
    Started,
    Succeeded,
    Failed,

    /// <summary>An interrupted run that was not run again (at-most-once delivery).</summary>
    Abandoned,
}
