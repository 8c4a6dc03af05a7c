namespace RulesEngine.Benchmarks.Predicates;

/// <summary>
/// The typed input every contender evaluates. Public, because the engine's rule reads it through a C# source:
/// rule code may use any assembly the process loaded, this one among them.
/// </summary>
public sealed class PredicateInput
{
    public required long Id { get; init; }

    public required int Value { get; init; }

    public required string Name { get; init; }

    public required string Email { get; init; }

    public required DateTime Joined { get; init; }
}
