using LiteDB;

namespace RulesEngine.Issues;

// Heartbeats: applications in any language beat over HTTP; checks ask how old the last beat is.
public sealed partial class IssueStore
{
    /// <summary>Records a beat under <paramref name="name"/> at the store's current time, and returns it.</summary>
    /// <exception cref="InvalidKeyException">
    /// The name is blank, holds a control character or is too long: heartbeat names follow issue names' rules.
    /// </exception>
    public Heartbeat RecordHeartbeat(string name)
    {
        IssueKeyRules.ThrowIfInvalidName(name, "the heartbeat name");
        var beat = new Heartbeat(name, Now());
        lock (_writeLock)
        {
            Guarded(() => HeartbeatCollection.Upsert(new BsonDocument { ["_id"] = name, ["At"] = BsonTime.Write(beat.At) }));
        }

        return beat;
    }

    /// <summary>The last beat under the name, or null when none was ever recorded.</summary>
    public Heartbeat? LastHeartbeat(string name)
    {
        var document = Guarded(() => HeartbeatCollection.FindById(name));
        return document is null ? null : new Heartbeat(name, BsonTime.Read(document["At"]));
    }

    public IReadOnlyList<Heartbeat> Heartbeats() => Guarded(() =>
        HeartbeatCollection.FindAll().Select(document => new Heartbeat(document["_id"].AsString, BsonTime.Read(document["At"]))).ToList());

    private ILiteCollection<BsonDocument> HeartbeatCollection
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _database.GetCollection("heartbeats");
        }
    }
}
