using LiteDB;

namespace RulesEngine.Issues;

/// <summary>The batch write of a model assertion pass (behaviours 11 and 13 of docs/semantics.md).</summary>
public sealed partial class IssueStore
{
    /// <summary>
    /// Up to this many refreshes and resolutions, the issues are read one by id; above it, all unresolved issues of
    /// the assertion are read in one index range, which costs about a quarter of a read by id per issue (LiteDB 5).
    /// </summary>
    private const int FewUpdates = 256;

    /// <summary>
    /// Applies one model pass's changes in a single transaction: all of them, or none when one fails (the exception
    /// is rethrown). <see cref="ModelPassChanges.Open"/> lists records with no unresolved issue, as read from
    /// <see cref="UnresolvedIssuesByRecord"/>; one that has got an open or won't-fix issue since (the API opened it, a
    /// person reopened it) is not opened a second time, and that issue is left for the next pass to refresh.
    /// Refreshes and resolutions apply only to open issues of <paramref name="name"/>: one marked won't-fix since the
    /// pass read it stays as it is.
    /// </summary>
    /// <returns>How many issues were opened.</returns>
    /// <exception cref="InvalidKeyException">
    /// The name breaks <see cref="IssueKeyRules"/>, or a record to open has a key longer than
    /// <see cref="IssueKeyRules.MaxRecordKeyBytes"/> or holding a lone UTF-16 surrogate; nothing is written. Record
    /// keys are the source's data, so one holding a control character, or empty, is kept as the source has it; the
    /// model pass skips records with too long a key.
    /// </exception>
    public int ApplyModelPass(string name, string recordSource, ModelPassChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        IssueKeyRules.ThrowIfInvalidName(name, "the model assertion's name");
        if (changes.IsEmpty)
        {
            return 0;
        }

        foreach (var failure in changes.Open)
        {
            IssueKeyRules.ThrowIfUnstorableRecordKey(failure.Key, "the record key");
        }

        lock (_writeLock)
        {
            var now = Now();
            var open = Guarded(() => StillWithoutIssue(name, changes.Open));
            _database.BeginTrans();
            try
            {
                OpenAll(name, recordSource, open, now);
                UpdateOpen(name, changes, now);
                _database.Commit();
                return open.Count;
            }
            catch
            {
                _database.Rollback();
                throw;
            }
        }
    }

    /// <summary>
    /// The failures whose record still has no unresolved issue, so that a key never gets a second one. The keys are
    /// read from the unresolved-key index alone, no document: a pass's read of its issues may be minutes old.
    /// </summary>
    private List<RecordFailure> StillWithoutIssue(string name, IReadOnlyList<RecordFailure> failures)
    {
        if (failures.Count == 0)
        {
            return [];
        }

        var prefix = IssueDocument.RecordKeyPrefix(name);

        // The range's first filter alone keeps LiteDB reading index keys only; its inclusive upper end, the prefix
        // raised by one, starts with something else and is dropped by the StartsWith below.
        var taken = Issues.Query()
            .Where(OrdinalPrefix.Filters(IssueFields.UnresolvedKey, prefix)[0])
            .Select("$." + IssueFields.UnresolvedKey)
            .ToDocuments()
            .Select(document => document[IssueFields.UnresolvedKey].AsString)
            .Where(key => key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(key => key[prefix.Length..])
            .ToHashSet(StringComparer.Ordinal);
        return taken.Count == 0 ? [.. failures] : failures.Where(failure => !taken.Contains(failure.Key)).ToList();
    }

    private void OpenAll(string name, string recordSource, IReadOnlyList<RecordFailure> failures, DateTimeOffset now)
    {
        if (failures.Count == 0)
        {
            return;
        }

        var issues = failures.Select(
            failure => NewIssue(new IssueKey(name, failure.Key), failure.Details, recordSource, now));
        var documents = issues.Select(IssueDocument.ToDocument).ToList();
        Guarded(() => Issues.InsertBulk(documents));
    }

    /// <summary>Applies the refreshes, then the resolutions, to issues read once; writes each changed issue once.</summary>
    private void UpdateOpen(string name, ModelPassChanges changes, DateTimeOffset now)
    {
        var ids = changes.Refresh.Concat(changes.Resolve).Select(update => update.Id).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var issues = ReadForUpdate(name, ids);
        var changed = new Dictionary<long, Issue>();
        void ChangeIfOpen(IssueUpdate update, Func<Issue, Issue> change)
        {
            if (issues.TryGetValue(update.Id, out var issue) && issue.Status == IssueStatus.Open && issue.Name == name)
            {
                issues[update.Id] = changed[update.Id] = change(issue);
            }
        }

        foreach (var update in changes.Refresh)
        {
            ChangeIfOpen(update, issue => issue with { Details = update.Details, LastSeenAt = now });
        }

        foreach (var update in changes.Resolve)
        {
            ChangeIfOpen(update, issue => Resolved(issue, now, update.Resolution) with
            {
                Details = update.Details ?? issue.Details,
            });
        }

        var documents = changed.Values.Select(IssueDocument.ToDocument).ToList();
        Guarded(() => Issues.Update(documents));
    }

    private Dictionary<long, Issue> ReadForUpdate(string name, List<long> ids)
    {
        var issues = ids.Count <= FewUpdates
            ? ids.Select(Get).OfType<Issue>()
            : Read(OrdinalPrefix.Filters(IssueFields.UnresolvedKey, IssueDocument.RecordKeyPrefix(name)));
        return issues.ToDictionary(issue => issue.Id);
    }
}
