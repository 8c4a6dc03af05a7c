using System.Collections.Concurrent;

namespace RulesEngine.Checking;

/// <summary>
/// Runs abandoned at their timeout whose code is still going: .NET cannot stop a thread, so a check that ignores
/// its cancellation token (a <c>while (true) {}</c>) keeps its thread. Until that run ends, the rule does not start
/// another: one runaway rule holds at most one thread, not one more per scheduled run.
/// </summary>
internal sealed class AbandonedRuns
{
    private readonly ConcurrentDictionary<string, Task> runs = new(StringComparer.Ordinal);

    public void Add(string rule, Task work) => runs[rule] = work;

    /// <summary>True when the rule's last abandoned run is still going.</summary>
    public bool IsRunning(string rule)
    {
        if (!runs.TryGetValue(rule, out var work))
        {
            return false;
        }

        if (work.IsCompleted)
        {
            runs.TryRemove(new KeyValuePair<string, Task>(rule, work));
            return false;
        }

        return true;
    }

    public const string StillRunning =
        "the run abandoned at its timeout is still going (its code ignores cancellation), so this run was not started";
}
