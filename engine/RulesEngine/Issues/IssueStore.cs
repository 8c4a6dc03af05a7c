using System.Text.Json.Nodes;

namespace RulesEngine.Issues;

/// <summary>
/// The issues and their action history, kept in one LiteDB file. Thread-safe. One process at a time may open a
/// store: <see cref="Open"/> takes an exclusive lock file beside the store and fails fast when another process
/// holds it. All times are UTC and come from the <see cref="TimeProvider"/> given at open.
/// </summary>
public sealed partial class IssueStore : IDisposable
{
    // Implementation: see the helper's work in this folder.
    public static IssueStore Open(string path, TimeProvider? timeProvider = null) => throw new NotImplementedException();

    public string Path => throw new NotImplementedException();

    /// <summary>
    /// Opens an issue unless one with the key is already open (then it gets the new details and last-seen time) or is
    /// won't-fix (then nothing changes). Resolved issues with the key do not count: a new issue is created.
    /// </summary>
    public OpenResult MaybeOpen(IssueKey key, JsonNode? details, string? recordSource = null) => throw new NotImplementedException();

    /// <summary>Resolves every open issue with the key and returns them; won't-fix issues are left as they are.</summary>
    public IReadOnlyList<Issue> Resolve(IssueKey key, string resolution) => throw new NotImplementedException();

    /// <summary>Resolves one issue by id. Returns null when there is no such issue; a won't-fix issue is left as it is.</summary>
    public Issue? Resolve(long id, string resolution) => throw new NotImplementedException();

    public Issue? MarkWontFix(long id) => throw new NotImplementedException();

    /// <summary>Moves an issue back to open and clears its resolved time. Returns null when there is no such issue.</summary>
    public Issue? Reopen(long id) => throw new NotImplementedException();

    public Issue? Get(long id) => throw new NotImplementedException();

    public IReadOnlyList<Issue> Find(IssueQuery query) => throw new NotImplementedException();

    public int Count(IssueStatus status) => throw new NotImplementedException();

    /// <summary>Every open issue, oldest first: what a respond pass walks.</summary>
    public IReadOnlyList<Issue> OpenIssues() => throw new NotImplementedException();

    /// <summary>The open and won't-fix issues of one model assertion, by record key: one read per pass.</summary>
    public IReadOnlyDictionary<string, Issue> UnresolvedIssuesByRecord(string name) => throw new NotImplementedException();

    /// <summary>Applies one model pass's changes in a single transaction.</summary>
    public void ApplyModelPass(string name, string recordSource, ModelPassChanges changes) => throw new NotImplementedException();

    /// <summary>Records that an action is about to run on an issue, before it runs; returns the run to complete.</summary>
    public ActionRun StartAction(long issueId, string responder, string action, int attempt) => throw new NotImplementedException();

    /// <summary>Records how a started run ended.</summary>
    public void CompleteAction(long issueId, Guid runId, ActionOutcome outcome, JsonNode? details) => throw new NotImplementedException();

    public void Dispose() => throw new NotImplementedException();
}
