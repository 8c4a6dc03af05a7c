namespace RulesEngine.Issues;

/// <summary>The field names of an issue document, shared by the mapping and the queries.</summary>
internal static class IssueFields
{
    public const string Id = "_id";
    public const string Name = "Name";
    public const string RecordSource = "RecordSource";
    public const string RecordKey = "RecordKey";
    public const string Status = "Status";
    public const string Details = "Details";
    public const string CreatedAt = "CreatedAt";
    public const string LastSeenAt = "LastSeenAt";
    public const string ResolvedAt = "ResolvedAt";
    public const string Resolution = "Resolution";
    public const string Actions = "Actions";

    /// <summary>Present (true) only while <see cref="Issue.ResponsePending"/>; indexed, so the set stays small to read.</summary>
    public const string ResponsePending = "ResponsePending";

    /// <summary>
    /// The issue's key (see <see cref="IssueDocument.UnresolvedKey"/>) while it is Open or WontFix; absent once
    /// resolved. Indexed: "maybe open", "resolve by key" and a model pass's read find the issues that can block or be
    /// resolved without walking the resolved history, which grows for ever.
    /// </summary>
    public const string UnresolvedKey = "UnresolvedKey";

    /// <summary>
    /// The index of issues by status, newest last within each: <c>Open/0000000000000000042</c>. A status's newest issues
    /// are read from the end of its range, so listing one status pages through an index range rather than sorting every
    /// issue of that status.
    /// </summary>
    public const string StatusOrder = "StatusOrder";

    public const string StatusOrderExpression = "$.Status + '/' + FORMAT($._id, 'D19')";

    /// <summary>
    /// The index of issues by name, newest last within each name: the name, a unit separator, the id on 19 digits. Lists
    /// one rule's issues newest first through an index range.
    /// </summary>
    public const string NameOrder = "NameOrder";

    public const string NameOrderExpression = "$.Name + '\\u001f' + FORMAT($._id, 'D19')";
}
