namespace RulesEngine.Issues;

/// <summary>A filter for listing issues; every criterion left null matches everything. Results are newest first.</summary>
public sealed record IssueQuery
{
    public IssueStatus? Status { get; init; }

    /// <summary>Matches issues whose name starts with this text (ordinal, case-sensitive).</summary>
    public string? NamePrefix { get; init; }

    /// <summary>Matches model issues about the record with this key.</summary>
    public string? RecordKey { get; init; }

    /// <summary>How many to skip, for paging. Default 0.</summary>
    public int Skip { get; init; }

    /// <summary>At most this many are returned. Default 100.</summary>
    public int Limit { get; init; } = 100;
}
