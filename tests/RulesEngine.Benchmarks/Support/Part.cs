namespace RulesEngine.Benchmarks.Support;

/// <summary>
/// One part of the report: BenchmarkDotNet suites, and measurements of the whole engine that run once (each in a
/// process of its own, so that one part's memory or loaded assemblies never colour another's).
/// </summary>
/// <param name="Name">What <c>--only</c> selects it by.</param>
/// <param name="Heavy">Operations take seconds and need a fresh store each: few iterations, one operation each.</param>
/// <param name="Measurements">Run in a child process of this program: the argument given to <c>measure</c>.</param>
public sealed record Part(string Name, string Title, bool Heavy, IReadOnlyList<Type> Suites, IReadOnlyList<string> Measurements);
