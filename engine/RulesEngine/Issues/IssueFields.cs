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
}
