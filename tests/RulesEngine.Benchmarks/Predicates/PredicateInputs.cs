namespace RulesEngine.Benchmarks.Predicates;

/// <summary>
/// The records the predicates are evaluated over, built once per process. Varied so that each predicate holds for
/// some records and fails for others: a contender that returned a constant would not match the others' count.
/// </summary>
public static class PredicateInputs
{
    public const int Count = 1_000;

    /// <summary>The clock every contender sees, so a date comparison gives the same answer in all three.</summary>
    public static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>Read by the engine's rule as its record source (see <see cref="Predicate.RuleFile"/>).</summary>
    public static PredicateInput[] Records { get; } = Build();

    private static PredicateInput[] Build() =>
        Enumerable.Range(0, Count).Select(i => new PredicateInput
        {
            Id = i,
            Value = i % 21,
            Name = i % 50 == 0 ? "admin" : $"user{i}",
            Email = i % 7 == 0 ? $"user{i}@example" : $"user{i}@example.com",
            Joined = Now.AddDays(-(i % 500)),
        }).ToArray();
}
