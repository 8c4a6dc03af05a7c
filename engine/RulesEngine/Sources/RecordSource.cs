using System.Data;
using System.Text.Json;

namespace RulesEngine.Sources;

/// <summary>
/// Reads a model assertion's records at run time. A source gives either rows (SQL) or documents (JSON); generated
/// code asks for the one its source kind gives. Records are streamed, never collected.
/// </summary>
internal abstract class RecordSource
{
    /// <summary>For issues and logs; never holds a secret.</summary>
    public abstract string Description { get; }

    public virtual IEnumerable<T> ReadRows<T>(string[] fields, Func<IDataRecord, int[], T> bind, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"The source {Description} gives documents, not rows.");

    public virtual IEnumerable<JsonElement> ReadDocuments(CancellationToken cancellationToken) =>
        throw new NotSupportedException($"The source {Description} gives rows, not documents.");
}
