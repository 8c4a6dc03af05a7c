using RulesEngine.RuleFiles;

namespace RulesEngine.Compilation;

/// <summary>A responder ready to run: its definition and its actions in the order written.</summary>
public sealed class CompiledResponder
{
    internal CompiledResponder(ResponderDefinition definition, CompiledRuleFile file, IReadOnlyList<CompiledAction> actions,
        IReadOnlyList<CompiledAction> onResolve)
    {
        Definition = definition;
        File = file;
        Actions = actions;
        OnResolve = onResolve;
    }

    public ResponderDefinition Definition { get; }

    public string Name => Definition.Name;

    public CompiledRuleFile File { get; }

    public IReadOnlyList<CompiledAction> Actions { get; }

    /// <summary>The actions run once when an issue this responder acted on is resolved.</summary>
    public IReadOnlyList<CompiledAction> OnResolve { get; }

    public bool Matches(string issueName) => Definition.Pattern.IsMatch(issueName);
}
