using System.Text.Json.Nodes;
using LiteDB;

namespace RulesEngine.Issues;

/// <summary>The changes of one issue's status: behaviours 3 to 5 of docs/semantics.md.</summary>
public sealed partial class IssueStore
{
    /// <summary>
    /// Opens an issue unless one with the key is already open (then it gets the new details and last-seen time) or is
    /// won't-fix (then nothing changes). Resolved issues with the key do not count: a new issue is created.
    /// </summary>
    /// <param name="recordSource">The source of the key's record; kept only when the key has a record key.</param>
    /// <exception cref="InvalidKeyException">
    /// The name or record key is blank, holds a control character or a lone UTF-16 surrogate, or is too long (see
    /// <see cref="IssueKeyRules"/>).
    /// </exception>
    /// <exception cref="InvalidDetailsException">The details nest deeper than <see cref="MaxDetailsDepth"/>, hold two
    /// keys that differ only in case, a number too large to store, or text with a lone UTF-16 surrogate.</exception>
    public OpenResult MaybeOpen(IssueKey key, JsonNode? details, string? recordSource = null)
    {
        IssueKeyRules.ThrowIfInvalidName(key.Name, "the issue name");
        if (key.RecordKey is not null)
        {
            IssueKeyRules.ThrowIfInvalidRecordKey(key.RecordKey, "the record key");
        }

        lock (_writeLock)
        {
            var unresolved = FindUnresolved(key);
            if (unresolved.Find(issue => issue.Status == IssueStatus.WontFix) is { } wontFix)
            {
                return new OpenResult(OpenDisposition.WontFix, wontFix);
            }

            var now = Now();
            if (unresolved.FirstOrDefault() is { } open)
            {
                var seenAgain = open with { Details = details, LastSeenAt = now };
                return new OpenResult(OpenDisposition.AlreadyOpen, Save(seenAgain));
            }

            return new OpenResult(OpenDisposition.Created, Insert(NewIssue(key, details, recordSource, now)));
        }
    }

    /// <summary>Resolves every open issue with the key and returns them; won't-fix issues are left as they are.</summary>
    /// <exception cref="InvalidResolutionException">The resolution holds a lone UTF-16 surrogate.</exception>
    public IReadOnlyList<Issue> Resolve(IssueKey key, string resolution)
    {
        InvalidResolutionException.ThrowIfInvalid(resolution);
        lock (_writeLock)
        {
            var now = Now();
            var open = FindUnresolved(key).Where(issue => issue.Status == IssueStatus.Open);
            return SaveAll(open.Select(issue => Resolved(issue, now, resolution)));
        }
    }

    /// <summary>
    /// Resolves one issue by id. Returns null when there is no such issue; an already resolved issue is returned as it
    /// is, with its first resolution.
    /// </summary>
    /// <exception cref="IssueWontFixException">The issue is won't-fix, and stays so: only reopening changes it.</exception>
    /// <exception cref="InvalidResolutionException">The resolution holds a lone UTF-16 surrogate.</exception>
    public Issue? Resolve(long id, string resolution)
    {
        InvalidResolutionException.ThrowIfInvalid(resolution);
        lock (_writeLock)
        {
            var issue = Get(id);
            return issue switch
            {
                { Status: IssueStatus.Open } => Save(Resolved(issue, Now(), resolution)),
                { Status: IssueStatus.WontFix } => throw new IssueWontFixException(issue.Id),
                _ => issue,
            };
        }
    }

    /// <summary>
    /// Marks an issue won't-fix, whatever its status, and clears its resolved time; its resolution stays, as the
    /// record of its last resolution. Returns null when there is no such issue.
    /// </summary>
    /// <exception cref="IssueConflictException">
    /// The issue is resolved and another issue with its key is open or won't-fix.
    /// </exception>
    public Issue? MarkWontFix(long id) =>
        ChangeUnresolved(id, "marked won't-fix", issue => issue with
        {
            Status = IssueStatus.WontFix,
            ResolvedAt = null,
            ResponsePending = issue.Actions.Count > 0,
        });

    /// <summary>
    /// Moves an issue back to open and clears its resolved time and resolution. Returns null when there is no such
    /// issue.
    /// </summary>
    /// <exception cref="IssueConflictException">
    /// The issue is resolved and another issue with its key is open or won't-fix: reopening it would make two.
    /// </exception>
    public Issue? Reopen(long id) =>
        ChangeUnresolved(id, "reopened", issue => issue with
        {
            Status = IssueStatus.Open,
            ResolvedAt = null,
            Resolution = null,
            ResponsePending = false,
        });

    private static Issue NewIssue(IssueKey key, JsonNode? details, string? recordSource, DateTimeOffset now) => new()
    {
        Name = key.Name,
        Record = key.RecordKey is null ? null : new IssueRecord(recordSource ?? "", key.RecordKey),
        Status = IssueStatus.Open,
        Details = details,
        CreatedAt = now,
        LastSeenAt = now,
    };

    // An issue no responder has acted on needs nothing more from the respond pass, so only one with history is marked.
    private static Issue Resolved(Issue issue, DateTimeOffset now, string? resolution) => issue with
    {
        Status = IssueStatus.Resolved,
        ResolvedAt = now,
        Resolution = resolution,
        ResponsePending = issue.ResponsePending || issue.Actions.Count > 0,
    };

    /// <summary>
    /// Applies a change that leaves the issue open or won't-fix, keeping at most one unresolved issue per key: a
    /// resolved issue whose key has since got a new issue (a record failing again after it was resolved) is refused.
    /// </summary>
    private Issue? ChangeUnresolved(long id, string change, Func<Issue, Issue> apply)
    {
        lock (_writeLock)
        {
            if (Get(id) is not { } issue)
            {
                return null;
            }

            if (issue.Status == IssueStatus.Resolved && FindUnresolved(issue.Key).FirstOrDefault() is { } unresolved)
            {
                throw new IssueConflictException(issue, change, unresolved);
            }

            return Save(apply(issue));
        }
    }

    /// <summary>The open and won't-fix issues with the key, oldest first, through the unresolved-key index.</summary>
    private List<Issue> FindUnresolved(IssueKey key) =>
        Read(Query.EQ(IssueFields.UnresolvedKey, IssueDocument.UnresolvedKey(key)));
}
