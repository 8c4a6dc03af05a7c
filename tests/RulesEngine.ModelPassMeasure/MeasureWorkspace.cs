namespace RulesEngine.ModelPassMeasure;

/// <summary>A temporary folder with the database, the rule and the issue store; deleted on dispose.</summary>
internal sealed class MeasureWorkspace : IDisposable
{
    public MeasureWorkspace() => Directory.CreateDirectory(RulesDirectory);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "rules-engine-measure", Guid.NewGuid().ToString("N"));

    public string RulesDirectory => Path.Combine(Root, "rules");

    public string DatabasePath => Path.Combine(Root, "accounts.db");

    public string StorePath => Path.Combine(Root, "data", "issues.db");

    public EngineOptions Options => new()
    {
        RulesDirectory = RulesDirectory,
        StorePath = StorePath,
        CompileCacheDirectory = "",
        CheckTimeout = TimeSpan.FromMinutes(10),
    };

    public void WriteRule() => File.WriteAllText(Path.Combine(RulesDirectory, "accounts.yaml"), $$"""
        model_assertions:
          - name: account overdrawn
            source:
              sqlite: "{{DatabasePath}}"
              query: SELECT id, email, balance, opened_at, closed_at FROM account
            key: id
            check: |
              var open = record.closed_at is null || record.closed_at > record.opened_at;
              return (record.balance >= 0 || !open, new { record.email, record.balance });
        """);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
