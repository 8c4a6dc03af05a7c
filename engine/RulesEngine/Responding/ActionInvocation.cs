using RulesEngine.Issues;
using RulesEngine.Scripting;
using RulesEngine.Templates;

namespace RulesEngine.Responding;

/// <summary>Everything one run of an action sees: the issue, who runs it and which attempt, and the engine's settings.</summary>
/// <param name="Script">For C# actions; its token is cancelled at the action's timeout.</param>
/// <param name="Templates">The values templates render from, built once for the run.</param>
internal sealed record ActionInvocation(
    Issue Issue,
    string Responder,
    string Action,
    int Attempt,
    ScriptContext Script,
    TemplateScope Templates,
    EngineOptions Options)
{
    /// <summary>Cancelled at the action's timeout or when the pass is cancelled.</summary>
    public CancellationToken CancellationToken => Script.CancellationToken;

    /// <summary>The issue's link in the API, or null when the engine has no API base URL.</summary>
    public string? IssueUrl => IssueLink.For(Issue.Id, Options.ApiBaseUrl);
}
