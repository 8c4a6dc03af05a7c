using Microsoft.Extensions.Time.Testing;

namespace RulesEngine.Tests.Support;

/// <summary>
/// A temporary folder with a rules directory and a store path, and an engine over them on a fake clock.
/// Deleted on dispose.
/// </summary>
public sealed class Workspace : IDisposable
{
    private readonly List<Engine> engines = [];

    public Workspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "rules-engine-tests", Guid.NewGuid().ToString("N"));
        RulesDirectory = Path.Combine(Root, "rules");
        Directory.CreateDirectory(RulesDirectory);
    }

    public string Root { get; }

    public string RulesDirectory { get; }

    public string StorePath => Path.Combine(Root, "data", "issues.db");

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public EngineOptions Options => new()
    {
        RulesDirectory = RulesDirectory,
        StorePath = StorePath,
        TimeProvider = Clock,
        CompileCacheDirectory = "",
    };

    /// <summary>Writes a rule file into the rules directory and returns its full path.</summary>
    public string WriteRules(string fileName, string text)
    {
        var path = Path.Combine(RulesDirectory, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Opens an engine on this workspace and loads its rules; disposed with the workspace.</summary>
    public Engine OpenEngine(EngineOptions? options = null)
    {
        var engine = Engine.Open(options ?? Options);
        engines.Add(engine);
        engine.LoadRules();
        return engine;
    }

    public void Dispose()
    {
        foreach (var engine in engines)
        {
            engine.Dispose();
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process a test started may still hold a file for a moment; the OS cleans temp folders.
        }
    }
}
