namespace RulesEngine.Tests.Support;

/// <summary>Tests that measure the process (memory, loaded assemblies) run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAlone
{
    public const string Name = "Measured alone";
}
