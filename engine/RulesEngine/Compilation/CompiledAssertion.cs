using RulesEngine.RuleFiles;
using RulesEngine.Scripting;

namespace RulesEngine.Compilation;

/// <summary>An assertion ready to run: its definition and the factory of its compiled check.</summary>
public sealed class CompiledAssertion
{
    internal CompiledAssertion(AssertionDefinition definition, CompiledRuleFile file, Func<AssertionScript> create)
    {
        Definition = definition;
        File = file;
        Create = create;
    }

    public AssertionDefinition Definition { get; }

    public string Name => Definition.Name;

    public CompiledRuleFile File { get; }

    internal Func<AssertionScript> Create { get; }
}
