using System.Text.Json;
using LiteDB;
using RulesEngine.RuleFiles;

namespace RulesEngine.Sources;

/// <summary>
/// Documents of a collection of a LiteDB file, often another application's. The file is opened read-only in LiteDB's
/// shared mode for the length of the pass: nothing is written to it, and an application using it in shared mode
/// too can go on using it.
/// </summary>
internal sealed class LiteDbRecordSource(LiteDbSourceDefinition source) : RecordSource
{
    public override string Description => source.Describe();

    public override IEnumerable<JsonElement> ReadDocuments(CancellationToken cancellationToken) =>
        Guarded(Read(cancellationToken), DescribeFailure);

    private IEnumerable<JsonElement> Read(CancellationToken cancellationToken)
    {
        // A missing file would otherwise be created, empty, and read as a collection with no records.
        if (!File.Exists(source.Path))
        {
            throw new SourceReadException($"There is no LiteDB file at {source.Path}.");
        }

        // LiteDB would take an empty file for a new database and fail to write its header through the read-only
        // connection ("Stream does not support writing").
        if (new FileInfo(source.Path).Length == 0)
        {
            throw new SourceReadException($"{Description}: the file is empty, not a LiteDB file.");
        }

        using var database = new LiteDatabase(new ConnectionString
        {
            Filename = source.Path,
            Connection = ConnectionType.Shared,
            ReadOnly = true,
        });

        // LiteDB reads a missing collection as an empty one, which would resolve every issue of the rule.
        if (!database.CollectionExists(source.Collection))
        {
            var names = string.Join(", ", database.GetCollectionNames().Order(StringComparer.Ordinal));
            throw new SourceReadException($"{Description}: the file has no collection '{source.Collection}'; it has: {names}.");
        }

        var json = new BsonJson();
        foreach (var document in database.GetCollection(source.Collection).FindAll())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return json.ToJson(document);
        }
    }

    private string? DescribeFailure(Exception exception) =>
        exception is LiteException or IOException or UnauthorizedAccessException
            ? $"Cannot read {Description}: {exception.Message}"
            : null;
}
