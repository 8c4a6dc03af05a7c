using RulesEngine.Issues;

namespace RulesEngine.Scripting;

/// <summary>What scripts see as <c>Heartbeats</c>: how long ago an application last beat.</summary>
public sealed class HeartbeatReader
{
    private readonly IssueStore store;
    private readonly Func<DateTime> now;

    internal HeartbeatReader(IssueStore store, Func<DateTime> now)
    {
        this.store = store;
        this.now = now;
    }

    /// <summary>The time since the last beat under the name, or null when it never beat.</summary>
    public TimeSpan? Age(string name) => store.LastHeartbeat(name) is { } beat ? now() - beat.At.UtcDateTime : null;

    /// <summary>The last beat's time (UTC), or null when it never beat.</summary>
    public DateTime? Last(string name) => store.LastHeartbeat(name)?.At.UtcDateTime;
}
