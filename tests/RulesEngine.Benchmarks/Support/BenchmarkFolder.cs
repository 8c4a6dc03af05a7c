namespace RulesEngine.Benchmarks.Support;

/// <summary>A temporary folder for one benchmark's rule files, databases and store; deleted on dispose.</summary>
public sealed class BenchmarkFolder : IDisposable
{
    public BenchmarkFolder(string purpose)
    {
        Root = Path.Combine(Path.GetTempPath(), "rules-engine-benchmarks", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(RulesDirectory);
    }

    public string Root { get; }

    public string RulesDirectory => Path.Combine(Root, "rules");

    public string StorePath => Path.Combine(Root, "data", "issues.db");

    public string PathOf(string name) => Path.Combine(Root, name);

    public string WriteRules(string fileName, string text)
    {
        var path = Path.Combine(RulesDirectory, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Engine options on this folder; the compile cache is off unless a folder is given.</summary>
    public EngineOptions Options(string? compileCache = "") => new()
    {
        RulesDirectory = RulesDirectory,
        StorePath = StorePath,
        CompileCacheDirectory = compileCache,
        CheckTimeout = TimeSpan.FromMinutes(10),
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a process that has not exited yet; the temp folder is cleared by the system.
        }
    }
}
