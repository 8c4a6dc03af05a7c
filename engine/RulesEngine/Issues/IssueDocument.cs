using LiteDB;

namespace RulesEngine.Issues;

/// <summary>Maps issues to and from their LiteDB documents, field by field (no BsonMapper: the layout is ours).</summary>
internal static class IssueDocument
{
    /// <summary>The key as one indexable text: the name, then for a model issue a unit separator and the record's key.</summary>
    public static string UnresolvedKey(IssueKey key) =>
        key.RecordKey is null ? key.Name : RecordKeyPrefix(key.Name) + key.RecordKey;

    /// <summary>What every <see cref="UnresolvedKey"/> of a model issue of this name starts with.</summary>
    public static string RecordKeyPrefix(string name) => name + '\u001f';

    /// <summary>The document of an issue; without an id when <see cref="Issue.Id"/> is 0, so LiteDB assigns one.</summary>
    public static BsonDocument ToDocument(Issue issue)
    {
        var document = new BsonDocument();
        if (issue.Id != 0)
        {
            document[IssueFields.Id] = issue.Id;
        }

        document[IssueFields.Name] = issue.Name;
        document[IssueFields.RecordSource] = issue.Record?.Source;
        document[IssueFields.RecordKey] = issue.Record?.Key;
        document[IssueFields.Status] = issue.Status.ToString();
        document[IssueFields.Details] = JsonBsonConverter.ToBson(issue.Details);
        document[IssueFields.CreatedAt] = BsonTime.Write(issue.CreatedAt);
        document[IssueFields.LastSeenAt] = BsonTime.Write(issue.LastSeenAt);
        document[IssueFields.ResolvedAt] = BsonTime.Write(issue.ResolvedAt);
        document[IssueFields.Resolution] = issue.Resolution;
        document[IssueFields.Actions] = new BsonArray(issue.Actions.Select(ActionRunDocument.ToDocument));
        if (issue.Status != IssueStatus.Resolved)
        {
            document[IssueFields.UnresolvedKey] = UnresolvedKey(issue.Key);
        }

        if (issue.ResponsePending)
        {
            document[IssueFields.ResponsePending] = true;
        }

        return document;
    }

    /// <exception cref="UnreadableDocumentException">The document lacks a field the store writes, or has one of
    /// another type: LiteDB read it from a damaged page.</exception>
    public static Issue ToIssue(BsonDocument document)
    {
        try
        {
            return Read(document);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new UnreadableDocumentException($"LiteDB read an issue's document without the fields the store writes ({exception.GetType().Name}: {exception.Message})", exception);
        }
    }

    private static Issue Read(BsonDocument document) => new()
    {
        Id = document[IssueFields.Id].AsInt64,
        Name = document[IssueFields.Name].AsString,
        Record = ToRecord(document),
        Status = Enum.Parse<IssueStatus>(document[IssueFields.Status].AsString),
        Details = JsonBsonConverter.ToJson(document[IssueFields.Details]),
        CreatedAt = BsonTime.Read(document[IssueFields.CreatedAt]),
        LastSeenAt = BsonTime.Read(document[IssueFields.LastSeenAt]),
        ResolvedAt = BsonTime.ReadOptional(document[IssueFields.ResolvedAt]),
        Resolution = OptionalString(document[IssueFields.Resolution]),
        Actions = ToActions(document[IssueFields.Actions]),
        ResponsePending = document[IssueFields.ResponsePending] is { IsBoolean: true, AsBoolean: true },
    };

    private static IssueRecord? ToRecord(BsonDocument document)
    {
        var key = document[IssueFields.RecordKey];
        var source = OptionalString(document[IssueFields.RecordSource]) ?? "";
        return key.IsNull ? null : new IssueRecord(source, key.AsString);
    }

    private static ActionRun[] ToActions(BsonValue actions) =>
        actions.IsArray ? actions.AsArray.Select(run => ActionRunDocument.ToActionRun(run.AsDocument)).ToArray() : [];

    private static string? OptionalString(BsonValue value) => value.IsNull ? null : value.AsString;
}
