using RulesEngine.Benchmarks.Compilation;
using RulesEngine.Benchmarks.ModelPass;
using RulesEngine.Benchmarks.Reloading;
using RulesEngine.Benchmarks.Scenarios;

namespace RulesEngine.Benchmarks.Support;

/// <summary>The whole-engine measurements by name, with their size in a short and a full run.</summary>
public static class Measurements
{
    public const string FirstLoad = "first-load";
    public const string ReloadMemory = "reload-memory";
    public const string ModelPassMemory = "model-pass-memory";
    public const string AtRest = "at-rest";

    public static IReadOnlyList<string> Names { get; } = [FirstLoad, ReloadMemory, ModelPassMemory, AtRest];

    public static MeasurementTable Run(string name, bool full) => name switch
    {
        FirstLoad => FirstLoadMeasurement.Run(launches: full ? 5 : 3),
        ReloadMemory => ReloadMemoryMeasurement.Run(reloads: full ? 1_000 : 300),
        ModelPassMemory => ModelPassMemoryMeasurement.Run(),
        AtRest => SidecarAtRestMeasurement.Run(full ? TimeSpan.FromMinutes(2) : TimeSpan.FromSeconds(30)),
        _ => throw new ArgumentException($"No measurement is named '{name}'; known: {string.Join(", ", Names)}.", nameof(name)),
    };
}
