using Microsoft.Extensions.Time.Testing;
using RulesEngine.Issues;

namespace RulesEngine.Tests.Issues;

/// <summary>A fresh temporary folder for one test's store, with a fake clock; deleted with everything in it.</summary>
internal sealed class StoreFolder : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "issue-store-tests", Guid.NewGuid().ToString("N"));

    public string StorePath => Path.Combine(Folder, "issues.db");

    public FakeTimeProvider Time { get; } = new(Start);

    public IssueStore Open() => IssueStore.Open(StorePath, Time);

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
