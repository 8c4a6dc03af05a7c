namespace RulesEngine.Issues;

/// <summary>A filter for listing issues; every criterion left null matches everything. Results are newest first.</summary>
public sealed record IssueQuery
{
    public IssueStatus? Status { get; init; }

    /// <summary>Matches issues with exactly this name: the issues of one rule.</summary>
    public string? Name { get; init; }

    /// <summary>Matches issues whose name starts with this text (ordinal, case-sensitive).</summary>
    public string? NamePrefix { get; init; }

    /// <summary>Matches model issues about the record with this key.</summary>
    public string? RecordKey { get; init; }

    /// <summary>
    /// Matches issues older than this id: the next page after one whose last issue had this id. Unlike
    /// <see cref="Skip"/>, its cost does not grow with how far back the page is.
    /// </summary>
    public long? BeforeId { get; init; }

    /// <summary>
    /// Matches issues newer than this id, and with <see cref="Limit"/> takes the ones closest to it: the page before
    /// one whose first issue had this id. Still returned newest first.
    /// </summary>
    public long? AfterId { get; init; }

    /// <summary>How many to skip, for paging. Default 0. Each skipped issue is read, so deep pages cost more than
    /// <see cref="BeforeId"/>.</summary>
    public int Skip { get; init; }

    /// <summary>At most this many are returned. Default 100.</summary>
    public int Limit { get; init; } = 100;
}
