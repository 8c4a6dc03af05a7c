using Microsoft.Extensions.Logging;

namespace RulesEngine.Scripting;

/// <summary>
/// The base of every class generated from a rule file's C#. Its protected members are the names a script sees.
/// A new instance is made for each run, so scripts may keep state in fields for the length of one run.
/// </summary>
public abstract class RuleScript
{
    private ScriptContext? context;

    /// <summary>The engine's clock when the run started, in UTC (Kind Utc). Fixed for the whole run.</summary>
    protected DateTime Now => Context.Now;

    /// <summary>Logs under the rule's name.</summary>
    protected ILogger Log => Context.Log;

    /// <summary>Reads the issue store.</summary>
    protected IssueReader Issues => Context.Issues;

    /// <summary>Heartbeats applications sent to the sidecar: <c>Heartbeats.Age("billing")</c>.</summary>
    protected HeartbeatReader Heartbeats => new(Context.Issues.Store, () => Context.Now);

    /// <summary>Signalled when the run times out or the engine stops; long-running checks should pass it on.</summary>
    protected CancellationToken CancellationToken => Context.CancellationToken;

    private ScriptContext Context =>
        context ?? throw new InvalidOperationException("The script was used before the engine attached its context.");

    internal void Attach(ScriptContext scriptContext) => context = scriptContext;
}
