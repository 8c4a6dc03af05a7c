using LiteDB;

namespace RulesEngine.Issues;

/// <summary>
/// How <see cref="IssueStore.Find"/> reads a list: one index range walked in id order, and the criteria that range does
/// not cover, checked on each document as it is read. LiteDB 5 uses one index per query and, given an equality on one
/// index and an order on another, sorts every match; so the range is chosen here, by the criterion that keeps the id
/// order, and the other criteria are never given to LiteDB, where they would take its choice of index.
/// </summary>
/// <remarks>
/// Cost, for a page of <c>n</c>: a rule's issues (<see cref="IssueQuery.Name"/>), a status, or no criterion read about
/// <c>n</c> documents, plus those the other criteria reject, plus <see cref="IssueQuery.Skip"/>. A name prefix is
/// indexed by name, not by name and id: when few issues have it, they are all read and sorted; when many do, the id
/// order is walked and the prefix checked on each, which then rejects few. Either way a page reads at most about
/// <see cref="FewPrefixMatches"/> documents, or <c>n</c> times the share of issues without the prefix.
/// </remarks>
internal sealed class IssueListPlan
{
    private const char NameSeparator = '\u001f';

    /// <summary>Up to this many issues with a name prefix, they are read through the name index and sorted.</summary>
    private const int FewPrefixMatches = 1000;

    private readonly IssueQuery query;

    private IssueListPlan(IssueQuery query) => this.query = query;

    /// <summary>True when the range is read oldest first (paging towards newer issues); the page is reversed after.</summary>
    public bool OldestFirst => query.AfterId is not null;

    public static IssueListPlan For(IssueQuery query) => new(query);

    /// <summary>The documents of the driving range, in id order (newest first unless <see cref="OldestFirst"/>), unfiltered.</summary>
    public ILiteQueryable<BsonDocument> Range(ILiteCollection<BsonDocument> issues)
    {
        var (order, filters) = Drive(issues);
        var range = issues.Query();
        foreach (var filter in filters)
        {
            range = range.Where(filter);
        }

        return OldestFirst ? range.OrderBy(order) : range.OrderByDescending(order);
    }

    /// <summary>Whether a document of the range meets every criterion of the query, including those the range covers.</summary>
    public bool Matches(BsonDocument document)
    {
        var id = document[IssueFields.Id].AsInt64;
        if (id <= (query.AfterId ?? 0) || id >= (query.BeforeId ?? long.MaxValue))
        {
            return false;
        }

        var name = document[IssueFields.Name].AsString;
        return (query.Name is null || name == query.Name)
            && (string.IsNullOrEmpty(query.NamePrefix) || name.StartsWith(query.NamePrefix, StringComparison.Ordinal))
            && (query.Status is null || document[IssueFields.Status].AsString == query.Status.ToString())
            && (query.RecordKey is null || document[IssueFields.RecordKey] is { IsString: true } key && key.AsString == query.RecordKey);
    }

    /// <summary>The order expression and the where filters that make LiteDB walk the chosen index range.</summary>
    private (BsonExpression Order, BsonExpression[] Filters) Drive(ILiteCollection<BsonDocument> issues)
    {
        if (query.Name is not null)
        {
            return OrderedRange(IssueFields.NameOrderExpression, query.Name + NameSeparator);
        }

        if (!string.IsNullOrEmpty(query.NamePrefix) && HasFewIssues(issues, query.NamePrefix))
        {
            return (BsonExpression.Create("$." + IssueFields.Id), OrdinalPrefix.Filters(IssueFields.Name, query.NamePrefix));
        }

        if (query.Status is { } status)
        {
            return OrderedRange(IssueFields.StatusOrderExpression, status + "/");
        }

        var ids = Query.Between(IssueFields.Id, LowestId, HighestId);
        return (BsonExpression.Create("$." + IssueFields.Id), [ids]);
    }

    /// <summary>Counts the issues with the name prefix from the name index's keys alone, up to one past the threshold.</summary>
    private static bool HasFewIssues(ILiteCollection<BsonDocument> issues, string prefix)
    {
        var matches = issues.Query()
            .Where(OrdinalPrefix.Filters(IssueFields.Name, prefix)[0])
            .Select("$." + IssueFields.Name)
            .Limit(FewPrefixMatches + 1)
            .ToDocuments()
            .Count(document => document[IssueFields.Name].AsString.StartsWith(prefix, StringComparison.Ordinal));
        return matches <= FewPrefixMatches;
    }

    /// <summary>The keys <c>prefix + id on 19 digits</c> of an ordered index, for the ids the query allows.</summary>
    private (BsonExpression Order, BsonExpression[] Filters) OrderedRange(string expression, string prefix)
    {
        var between = BsonExpression.Create(
            $"{expression} BETWEEN @0 AND @1", prefix + OrderKey(LowestId), prefix + OrderKey(HighestId));
        return (BsonExpression.Create(expression), [between]);
    }

    private long LowestId => query.AfterId is { } after ? after + 1 : 0;

    private long HighestId => query.BeforeId is { } before ? before - 1 : long.MaxValue;

    /// <summary>The id as LiteDB's <c>FORMAT($._id, 'D19')</c> writes it, so that text order is id order.</summary>
    private static string OrderKey(long id) => Math.Max(id, 0).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
}
