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

    /// <summary>
    /// The records, with the exceptions that <paramref name="describe"/> recognises (it returns a message for them)
    /// turned into a <see cref="SourceReadException"/> with that message. Others, and cancellation, pass unchanged.
    /// </summary>
    protected static IEnumerable<T> Guarded<T>(IEnumerable<T> records, Func<Exception, string?> describe)
    {
        using var enumerator = records.GetEnumerator();
        while (MoveNext(enumerator, describe))
        {
            yield return enumerator.Current;
        }
    }

    // C# allows no yield inside a try with a catch, hence this step.
    private static bool MoveNext<T>(IEnumerator<T> enumerator, Func<Exception, string?> describe)
    {
        try
        {
            return enumerator.MoveNext();
        }
        catch (Exception exception) when (exception is not (SourceReadException or OperationCanceledException)
            && describe(exception) is { } message)
        {
            throw new SourceReadException(message, exception);
        }
    }
}
