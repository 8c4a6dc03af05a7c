using System.Text.Json;

namespace RulesEngine.Sources;

/// <summary>
/// The elements of one JSON array in a stream, read one at a time: the array is the whole document, or is found under
/// a path of property names (<c>data</c>, <c>items</c>). Memory holds the largest element, never the array. A document
/// that ends before the array does is malformed, so a cut-off answer is never taken for a shorter list.
/// </summary>
internal sealed class JsonArrayStream(Stream stream, IReadOnlyList<string> path)
{
    private const int FirstBufferSize = 64 * 1024;
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private byte[] buffer = new byte[FirstBufferSize];
    private int start;
    private int end;
    private bool finalBlock;
    private JsonReaderState state;

    private delegate bool Step<T>(ref Utf8JsonReader reader, out T result);

    /// <exception cref="JsonException">The stream is not JSON, or holds no array where the path says.</exception>
    public IEnumerable<JsonElement> Elements()
    {
        SkipBom();
        FindArray();
        while (Run<JsonElement?>(NextElement) is { } element)
        {
            yield return element;
        }
    }

    private void FindArray()
    {
        for (var depth = 0; ; depth++)
        {
            var expected = depth == path.Count ? JsonTokenType.StartArray : JsonTokenType.StartObject;
            var token = Run<JsonTokenType>(NextToken);
            if (token != expected)
            {
                throw new JsonException($"{Where(depth)} is {Describe(token)}, not {Describe(expected)}" +
                    (depth == 0 && path.Count == 0 ? "; give the 'path' of the records' array, such as data.items" : ""));
            }

            if (depth == path.Count)
            {
                return;
            }

            FindProperty(depth);
        }
    }

    /// <summary>Moves past the properties before <c>path[depth]</c>, leaving the reader just after its name.</summary>
    private void FindProperty(int depth)
    {
        while (Run<string?>(NextPropertyName) is { } name)
        {
            if (name == path[depth])
            {
                return;
            }

            Run<bool>(SkipValue);
        }

        throw new JsonException($"{Where(depth)} has no property '{path[depth]}'");
    }

    private static bool NextToken(ref Utf8JsonReader reader, out JsonTokenType token)
    {
        var read = reader.Read();
        token = reader.TokenType;
        return read;
    }

    /// <summary>The next property's name, or null at the end of the object.</summary>
    private static bool NextPropertyName(ref Utf8JsonReader reader, out string? name)
    {
        var read = reader.Read();
        name = read && reader.TokenType == JsonTokenType.PropertyName ? reader.GetString() : null;
        return read;
    }

    private static bool SkipValue(ref Utf8JsonReader reader, out bool skipped)
    {
        skipped = reader.TrySkip();
        return skipped;
    }

    /// <summary>The next element of the array, or null at its end.</summary>
    private static bool NextElement(ref Utf8JsonReader reader, out JsonElement? element)
    {
        element = null;
        if (!reader.Read())
        {
            return false;
        }

        return reader.TokenType == JsonTokenType.EndArray || JsonElement.TryParseValue(ref reader, out element);
    }

    /// <summary>
    /// Runs a step over the bytes read so far; when they end before the step does, reads more and runs it again from
    /// the same place. Only a step that completes moves the stream's position on.
    /// </summary>
    private T Run<T>(Step<T> step)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), finalBlock, state);
            if (step(ref reader, out var result))
            {
                start += (int)reader.BytesConsumed;
                state = reader.CurrentState;
                return result;
            }

            if (finalBlock)
            {
                throw new JsonException("the JSON ends before the records' array does");
            }

            Fill();
        }
    }

    private void Fill()
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        var read = stream.Read(buffer, end, buffer.Length - end);
        end += read;
        finalBlock = read == 0;
    }

    private void SkipBom()
    {
        while (end < Utf8Bom.Length && !finalBlock)
        {
            Fill();
        }

        if (buffer.AsSpan(0, end).StartsWith(Utf8Bom))
        {
            start = Utf8Bom.Length;
        }
    }

    private string Where(int depth) => depth == 0 ? "the JSON" : $"'{string.Join('.', path.Take(depth))}'";

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "not a JSON value",
    };
}
