using LiteDB;

namespace RulesEngine.Issues;

/// <summary>Maps an action run to and from the document embedded in its issue's <c>Actions</c> array.</summary>
internal static class ActionRunDocument
{
    private const string RunId = "RunId";
    private const string Responder = "Responder";
    private const string Action = "Action";
    private const string Attempt = "Attempt";
    private const string Outcome = "Outcome";
    private const string StartedAt = "StartedAt";
    private const string CompletedAt = "CompletedAt";
    private const string Details = "Details";

    public static BsonValue ToDocument(ActionRun run) => new BsonDocument
    {
        [RunId] = run.RunId,
        [Responder] = run.Responder,
        [Action] = run.Action,
        [Attempt] = run.Attempt,
        [Outcome] = run.Outcome.ToString(),
        [StartedAt] = BsonTime.Write(run.StartedAt),
        [CompletedAt] = BsonTime.Write(run.CompletedAt),
        [Details] = JsonBsonConverter.ToBson(run.Details),
    };

    public static ActionRun ToActionRun(BsonDocument document) => new()
    {
        RunId = document[RunId].AsGuid,
        Responder = document[Responder].AsString,
        Action = document[Action].AsString,
        Attempt = document[Attempt].AsInt32,
        Outcome = Enum.Parse<ActionOutcome>(document[Outcome].AsString),
        StartedAt = BsonTime.Read(document[StartedAt]),
        CompletedAt = BsonTime.ReadOptional(document[CompletedAt]),
        Details = JsonBsonConverter.ToJson(document[Details]),
    };
}
