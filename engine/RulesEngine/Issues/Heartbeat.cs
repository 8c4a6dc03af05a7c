namespace RulesEngine.Issues;

/// <summary>The last beat an application sent under a name. <paramref name="At"/> is UTC.</summary>
public sealed record Heartbeat(string Name, DateTimeOffset At);
