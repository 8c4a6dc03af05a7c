using RulesEngine.Benchmarks.Support;
using RulesEngine.Checking;

namespace RulesEngine.Benchmarks.ModelPass;

/// <summary>An engine with the accounts rule over the shared million-record database, on a store of its own.</summary>
public sealed class ModelPassWorkspace : IDisposable
{
    public const int Records = 1_000_000;

    private readonly BenchmarkFolder folder = new("model-pass");

    public ModelPassWorkspace()
    {
        DatabasePath = AccountsDatabase.Shared(Records);
        Failing = checked((int)AccountsDatabase.Overdrawn(DatabasePath));
        folder.WriteRules("accounts.yaml", AccountsDatabase.RuleFile(DatabasePath));
    }

    public string DatabasePath { get; }

    public string StorePath => folder.StorePath;

    /// <summary>How many records fail, as SQLite counts them.</summary>
    public int Failing { get; }

    public Engine Engine { get; private set; } = null!;

    /// <summary>Opens an engine on an empty store and loads the rule.</summary>
    public void OpenOnEmptyStore()
    {
        Engine?.Dispose();
        foreach (var file in Directory.Exists(Path.GetDirectoryName(StorePath)) ? Directory.GetFiles(Path.GetDirectoryName(StorePath)!) : [])
        {
            File.Delete(file);
        }

        Engine = Engine.Open(folder.Options(compileCache: folder.PathOf("compiled")));
        var rules = Engine.LoadRules();
        if (rules.Errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, rules.Errors));
        }
    }

    /// <summary>Runs one pass and returns its report; throws when the pass was an error.</summary>
    public RuleRunReport Pass()
    {
        var report = Engine.CheckAsync().GetAwaiter().GetResult().Rules.Single();
        if (report.Outcome == RuleOutcome.Error)
        {
            throw new InvalidOperationException(report.Error);
        }

        return report;
    }

    /// <summary>Checks a first pass: every record checked, an issue opened for each failing one.</summary>
    public void VerifyFirst(RuleRunReport report)
    {
        MismatchException.ThrowIfDifferent("records checked", Records, report.RecordsChecked);
        MismatchException.ThrowIfDifferent("records failing, engine against SQLite", Failing, report.RecordsFailed);
        MismatchException.ThrowIfDifferent("issues opened by the first pass", Failing, report.IssuesOpened);
    }

    /// <summary>Checks a pass over unchanged data: the same failures, and nothing opened or resolved.</summary>
    public void VerifyUnchanged(RuleRunReport report)
    {
        MismatchException.ThrowIfDifferent("records failing, engine against SQLite", Failing, report.RecordsFailed);
        MismatchException.ThrowIfDifferent("issues opened by a pass over unchanged data", 0, report.IssuesOpened);
        MismatchException.ThrowIfDifferent("issues resolved by a pass over unchanged data", 0, report.IssuesResolved);
    }

    public void Dispose()
    {
        Engine?.Dispose();
        folder.Dispose();
    }
}
