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
        ShortestDelay = actions.Count == 0 ? null : actions.Min(action => action.Definition.Delay);
    }

    public ResponderDefinition Definition { get; }

    public string Name => Definition.Name;

    public CompiledRuleFile File { get; }

    public IReadOnlyList<CompiledAction> Actions { get; }

    /// <summary>The actions run once when an issue this responder acted on is resolved.</summary>
    public IReadOnlyList<CompiledAction> OnResolve { get; }

    /// <summary>
    /// The shortest delay of <see cref="Actions"/>; null when there are none. None of them is due on an open issue
    /// before its creation plus this: a first run waits its delay, and retries, repeats and runs a crash interrupted
    /// all come after a run that waited it.
    /// </summary>
    public TimeSpan? ShortestDelay { get; }

    public bool Matches(string issueName) => Definition.Pattern.IsMatch(issueName);
}
