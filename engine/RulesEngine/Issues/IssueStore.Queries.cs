using LiteDB;

namespace RulesEngine.Issues;

/// <summary>The reads of the store.</summary>
public sealed partial class IssueStore
{
    public Issue? Get(long id) => Guarded(() => Issues.FindById(id) is { } document ? IssueDocument.ToIssue(document) : null);

    /// <summary>
    /// The issues matching every criterion of <paramref name="query"/>, newest (highest id) first. A page of one rule's
    /// issues, of one status, or of all issues reads about one document per issue returned (see
    /// <see cref="IssueListPlan"/>).
    /// </summary>
    public IReadOnlyList<Issue> Find(IssueQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip, nameof(query));
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit, nameof(query));
        ArgumentOutOfRangeException.ThrowIfNegative(query.BeforeId ?? 0, nameof(query));
        ArgumentOutOfRangeException.ThrowIfNegative(query.AfterId ?? 0, nameof(query));
        if (query.Limit == 0)
        {
            return [];
        }

        var plan = IssueListPlan.For(query);
        var page = Guarded(() => plan.Range(Issues).ToEnumerable()
            .Where(plan.Matches)
            .Skip(query.Skip)
            .Take(query.Limit)
            .Select(IssueDocument.ToIssue)
            .ToList());
        if (plan.OldestFirst)
        {
            page.Reverse();
        }

        return page;
    }

    /// <summary>LiteDB's plan for the range <see cref="Find"/> walks, for tests that pin which index a list uses.</summary>
    internal string ExplainFind(IssueQuery query) => IssueListPlan.For(query).Range(Issues).GetPlan().ToString();

    /// <summary>
    /// How many issues match every criterion of <paramref name="query"/>, whatever its <see cref="IssueQuery.Skip"/>
    /// and <see cref="IssueQuery.Limit"/>: what a page of <see cref="Find"/> is out of. With no criterion or a status
    /// alone, counted from the status index's keys; otherwise every issue of the range <see cref="Find"/> walks is read.
    /// </summary>
    public int Count(IssueQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var statusAlone = query is { Name: null, RecordKey: null, BeforeId: null, AfterId: null }
            && string.IsNullOrEmpty(query.NamePrefix);
        if (statusAlone)
        {
            return query.Status is { } status ? Count(status) : Enum.GetValues<IssueStatus>().Sum(each => Count(each));
        }

        var plan = IssueListPlan.For(query);
        return Guarded(() => plan.Range(Issues).ToEnumerable().Count(plan.Matches));
    }

    /// <summary>Counts from the status index's keys alone: no issue document is read.</summary>
    public int Count(IssueStatus status) => Guarded(() =>
        Issues.Query()
            .Where(Query.EQ(IssueFields.Status, status.ToString()))
            .Select($"{{ count: COUNT(*.{IssueFields.Status}) }}")
            .ToDocuments()
            .Single()["count"].AsInt32);

    /// <summary>Every open issue, oldest first.</summary>
    public IReadOnlyList<Issue> OpenIssues() => Read(Query.EQ(IssueFields.Status, nameof(IssueStatus.Open)));

    /// <summary>
    /// Every open issue's id, name and creation time, oldest first: what a respond pass walks. Read in id order through
    /// the status index and projected by LiteDB, so no issue's details or history is mapped.
    /// </summary>
    public IReadOnlyList<IssueSummary> OpenIssueSummaries() => Guarded(() =>
        IssueListPlan.For(new IssueQuery { Status = IssueStatus.Open, AfterId = 0 })
            .Range(Issues)
            .Select($"{{ _id: $._id, {IssueFields.Name}: $.{IssueFields.Name}, {IssueFields.CreatedAt}: $.{IssueFields.CreatedAt} }}")
            .ToDocuments()
            .Select(document => new IssueSummary(
                document[IssueFields.Id].AsInt64,
                document[IssueFields.Name].AsString,
                BsonTime.Read(document[IssueFields.CreatedAt])))
            .ToList());

    /// <summary>
    /// The issues that left Open with action history and still await the respond pass (<c>on_resolve</c> actions,
    /// interrupted runs), oldest first. Read through an index of only those issues: the resolved history is not walked.
    /// </summary>
    public IReadOnlyList<Issue> IssuesAwaitingResponse() => Read(Query.EQ(IssueFields.ResponsePending, true));

    /// <summary>
    /// The open and won't-fix issues of one model assertion, by record key: one read per pass. Should one key have
    /// several, the won't-fix issue is the one given, as it is what keeps the record from getting a new issue; else the
    /// oldest open one, the one <see cref="MaybeOpen"/> returns.
    /// </summary>
    public IReadOnlyDictionary<string, Issue> UnresolvedIssuesByRecord(string name)
    {
        var filters = OrdinalPrefix.Filters(IssueFields.UnresolvedKey, IssueDocument.RecordKeyPrefix(name));
        var byRecord = new Dictionary<string, Issue>(StringComparer.Ordinal);

        // The name check drops issues whose own name holds the key separator and so shares the prefix.
        foreach (var issue in Read(filters).Where(issue => issue.Name == name && issue.Record is not null))
        {
            var key = issue.Record!.Key;
            if (!byRecord.TryGetValue(key, out var kept) || IsWontFixOverOpen(issue, kept))
            {
                byRecord[key] = issue;
            }
        }

        return byRecord;
    }

    private static bool IsWontFixOverOpen(Issue issue, Issue kept) =>
        issue.Status == IssueStatus.WontFix && kept.Status != IssueStatus.WontFix;
}
