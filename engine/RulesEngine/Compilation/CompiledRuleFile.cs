using RulesEngine.Responding;
using RulesEngine.RuleFiles;
using RulesEngine.Scripting;
using RulesEngine.Sources;

namespace RulesEngine.Compilation;

/// <summary>
/// The rules of one file that compiled, loaded in their own collectible load context. <see cref="Unload"/> lets the
/// runtime free the assembly once no run of these rules is in progress.
/// </summary>
public sealed class CompiledRuleFile
{
    private readonly RuleLoadContext? loadContext;

    internal CompiledRuleFile(RuleFileDefinition definition, string contentHash, RuleFileManifest manifest, RuleLoadContext? loadContext)
    {
        Definition = definition;
        ContentHash = contentHash;
        Manifest = manifest;
        this.loadContext = loadContext;

        Assertions = definition.Assertions
            .Select((rule, i) => new CompiledAssertion(rule, this, () => manifest.CreateAssertion(i)))
            .ToList();
        ModelAssertions = definition.ModelAssertions
            .Select((rule, i) => new CompiledModelAssertion(rule, this, () => manifest.CreateModelAssertion(i), RecordSources.Create(rule.Source)))
            .ToList();
        Responders = definition.Responders.Select(CompileResponder).ToList();
    }

    public RuleFileDefinition Definition { get; }

    public string Path => Definition.Path;

    /// <summary>A hash of the generated code: equal hashes mean the same compiled rules.</summary>
    public string ContentHash { get; }

    public IReadOnlyList<CompiledAssertion> Assertions { get; }

    public IReadOnlyList<CompiledModelAssertion> ModelAssertions { get; }

    public IReadOnlyList<CompiledResponder> Responders { get; }

    internal RuleFileManifest Manifest { get; }

    /// <summary>Starts unloading the file's assembly; the runtime frees it once nothing refers to its types.</summary>
    public void Unload() => loadContext?.Unload();

    // Actions are numbered across a responder's actions and then its on_resolve ones, as the generated code is.
    private CompiledResponder CompileResponder(ResponderDefinition responder, int r)
    {
        var actions = responder.AllActions.Select((action, a) => new CompiledAction(action, CreateAction(action, r, a))).ToList();
        return new CompiledResponder(responder, this, actions[..responder.Actions.Count], actions[responder.Actions.Count..]);
    }

    private IResponderAction CreateAction(ActionDefinition action, int responder, int index) => action switch
    {
        RunActionDefinition => new RunAction(() => Manifest.CreateAction(responder, index)),
        LogActionDefinition log => new LogAction(log),
        EmailActionDefinition email => new EmailAction(email),
        WebhookActionDefinition webhook => new WebhookAction(webhook),
        ShellActionDefinition shell => new ShellAction(shell),
        _ => throw new NotSupportedException($"No implementation for the action {action.Key} ({action.GetType().Name})."),
    };
}
