using RulesEngine.Issues;

namespace RulesEngine.Scripting;

/// <summary>The read-only view of the issue store that scripts get as <c>Issues</c>.</summary>
public sealed class IssueReader
{
    private readonly IssueStore store;

    internal IssueReader(IssueStore store) => this.store = store;

    internal IssueStore Store => store;

    public Issue? Get(long id) => store.Get(id);

    public IReadOnlyList<Issue> Find(IssueQuery query) => store.Find(query);

    /// <summary>The open issue with this name (and record key, for a model issue), or null.</summary>
    public Issue? FindOpen(string name, string? recordKey = null) =>
        store.Find(new IssueQuery { Status = IssueStatus.Open, NamePrefix = name, RecordKey = recordKey, Limit = int.MaxValue })
            .FirstOrDefault(issue => issue.Name == name && issue.Record?.Key == recordKey);

    public bool IsOpen(string name, string? recordKey = null) => FindOpen(name, recordKey) is not null;

    public int Count(IssueStatus status) => store.Count(status);
}
