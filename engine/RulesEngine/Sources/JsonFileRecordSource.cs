using System.Text.Json;

namespace RulesEngine.Sources;

/// <summary>
/// Objects of a JSON file: an array, streamed element by element and never parsed whole, or JSON lines.
/// </summary>
internal sealed class JsonFileRecordSource(string path) : RecordSource
{
    public override string Description => $"json:{path}";

    public override IEnumerable<JsonElement> ReadDocuments(CancellationToken cancellationToken)
    {
        using var stream = Open();
        var first = FirstSignificantByte(stream);
        if (first < 0)
        {
            // More often a file caught while it is rewritten than a source with no records: read as no records, it
            // would resolve every open issue of the rule.
            throw new SourceReadException(
                $"The JSON file '{path}' is empty; a source with no records is written as [].");
        }

        var documents = first == '['
            ? JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, cancellationToken: cancellationToken)
                .ToBlockingEnumerable(cancellationToken)
            : ReadLines(stream, cancellationToken);

        using var enumerator = documents.GetEnumerator();
        while (MoveNext(enumerator))
        {
            yield return enumerator.Current;
        }
    }

    // A malformed document surfaces while moving to it; C# allows no yield inside a try with a catch, hence this step.
    private bool MoveNext(IEnumerator<JsonElement> enumerator)
    {
        try
        {
            return enumerator.MoveNext();
        }
        catch (JsonException exception)
        {
            throw new SourceReadException($"The JSON file '{path}' is malformed: {exception.Message}", exception);
        }
    }

    private FileStream Open()
    {
        try
        {
            return File.OpenRead(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SourceReadException($"Cannot read the JSON file '{path}': {exception.Message}", exception);
        }
    }

    /// <summary>The first byte that is not white space or a byte order mark, or -1; the stream is rewound.</summary>
    private static int FirstSignificantByte(Stream stream)
    {
        int next;
        do
        {
            next = stream.ReadByte();
        }
        while (next >= 0 && (char.IsWhiteSpace((char)next) || next is 0xEF or 0xBB or 0xBF));

        stream.Position = 0;
        return next;
    }

    private static IEnumerable<JsonElement> ReadLines(Stream stream, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, leaveOpen: true);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            cancellationToken.ThrowIfCancellationRequested();
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return ParseLine(line, lineNumber);
            }
        }
    }

    private static JsonElement ParseLine(string line, int lineNumber)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new JsonException($"line {lineNumber}: {exception.Message}", exception);
        }
    }
}
