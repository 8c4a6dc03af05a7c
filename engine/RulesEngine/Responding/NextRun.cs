namespace RulesEngine.Responding;

/// <summary>When an action should next run on an issue, and as which attempt.</summary>
/// <param name="At">When it is due; null when it is not to run again.</param>
/// <param name="Attempt">1 for a first run (or a repeat), more for a retry.</param>
internal readonly record struct NextRun(DateTimeOffset? At, int Attempt)
{
    public static NextRun Never => new(null, 0);

    public bool IsDue(DateTimeOffset now) => At <= now;

    public bool IsPending => At is not null;
}
