using Microsoft.Extensions.Logging;

namespace RulesEngine.Scripting;

/// <summary>What one run of a script sees: fixed for the run, so every record of a pass is checked at the same Now.</summary>
internal sealed record ScriptContext(DateTime Now, ILogger Log, IssueReader Issues, CancellationToken CancellationToken);
