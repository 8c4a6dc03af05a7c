namespace RulesEngine.Benchmarks.Predicates;

/// <summary>
/// One predicate written three ways: as the check of an engine rule, as a Microsoft RulesEngine expression, and as
/// a C# lambda compiled with the benchmarks. The three must agree on every record (see
/// <see cref="PredicateBenchmarks.GlobalSetup"/>).
/// </summary>
public sealed record Predicate(string Name, string EngineCheck, string MicrosoftExpression, Func<PredicateInput, DateTime, bool> Lambda)
{
    public static readonly Predicate Comparison = new(
        "comparison",
        "record.Value > 10 && Now.Year > 2000",
        "input1.Value > 10 && now.Year > 2000",
        (record, now) => record.Value > 10 && now.Year > 2000);

    public static readonly Predicate TextAndDates = new(
        "text and dates",
        """record.Email.EndsWith(".com") && record.Name.ToUpperInvariant() != "ADMIN" && (Now - record.Joined).TotalDays < 365""",
        """input1.Email.EndsWith(".com") && input1.Name.ToUpperInvariant() != "ADMIN" && (now - input1.Joined).TotalDays < 365""",
        (record, now) => record.Email.EndsWith(".com") && record.Name.ToUpperInvariant() != "ADMIN" && (now - record.Joined).TotalDays < 365);

    public static IReadOnlyList<Predicate> All { get; } = [Comparison, TextAndDates];

    /// <summary>The engine's rule file: a model assertion over <see cref="PredicateInputs.Records"/>.</summary>
    public string RuleFile => $$"""
        model_assertions:
          - name: {{Name}}
            source:
              csharp: RulesEngine.Benchmarks.Predicates.PredicateInputs.Records
            key: Id
            check: '{{EngineCheck.Replace("'", "''")}}'
        """;

    public override string ToString() => Name;
}
