using RulesEngine.RuleFiles;
using RulesEngine.Scripting;
using RulesEngine.Sources;

namespace RulesEngine.Compilation;

/// <summary>A model assertion ready to run: its definition, its source reader and its compiled check.</summary>
public sealed class CompiledModelAssertion
{
    internal CompiledModelAssertion(
        ModelAssertionDefinition definition, CompiledRuleFile file, Func<ModelAssertionScript> create, RecordSource? source)
    {
        Definition = definition;
        File = file;
        Create = create;
        Source = source;
    }

    public ModelAssertionDefinition Definition { get; }

    public string Name => Definition.Name;

    public CompiledRuleFile File { get; }

    /// <summary>What issues and logs call the source; never holds a secret.</summary>
    public string SourceDescription => Source?.Description ?? Definition.Source.Describe();

    internal Func<ModelAssertionScript> Create { get; }

    /// <summary>Null for a C# source, whose records come from the compiled expression itself.</summary>
    internal RecordSource? Source { get; }
}
