using RulesEngine.Responding;
using RulesEngine.RuleFiles;

namespace RulesEngine.Compilation;

/// <summary>One action of a responder, ready to run.</summary>
public sealed class CompiledAction
{
    internal CompiledAction(ActionDefinition definition, IResponderAction implementation)
    {
        Definition = definition;
        Implementation = implementation;
    }

    public ActionDefinition Definition { get; }

    public string Key => Definition.Key;

    internal IResponderAction Implementation { get; }
}
