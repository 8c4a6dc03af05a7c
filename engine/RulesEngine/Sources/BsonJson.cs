using System.Buffers;
using System.Globalization;
using System.Text.Json;
using LiteDB;

namespace RulesEngine.Sources;

/// <summary>
/// Turns a LiteDB document into a JSON element, so that a LiteDB record binds exactly as a JSON one. Dates become
/// ISO 8601 text in UTC, ids and GUIDs text, binary base64: the forms <see cref="RecordFields.FromJson{T}"/> reads
/// into DateTime, string, Guid and byte[] fields.
/// </summary>
internal sealed class BsonJson
{
    private readonly ArrayBufferWriter<byte> buffer = new();
    private readonly Utf8JsonWriter writer;

    public BsonJson() => writer = new Utf8JsonWriter(buffer);

    /// <summary>The document as JSON; the writer's buffer is reused, the element owns its own memory.</summary>
    public JsonElement ToJson(BsonDocument document)
    {
        buffer.ResetWrittenCount();
        writer.Reset();
        Write(document);
        writer.Flush();

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }

    private void Write(BsonValue value)
    {
        switch (value.Type)
        {
            case BsonType.Document:
                WriteObject(value.AsDocument);
                break;
            case BsonType.Array:
                writer.WriteStartArray();
                foreach (var item in value.AsArray)
                {
                    Write(item);
                }

                writer.WriteEndArray();
                break;
            default:
                WriteScalar(value);
                break;
        }
    }

    private void WriteObject(BsonDocument document)
    {
        writer.WriteStartObject();
        foreach (var (name, item) in document)
        {
            writer.WritePropertyName(name);
            Write(item);
        }

        writer.WriteEndObject();
    }

    private void WriteScalar(BsonValue value)
    {
        switch (value.Type)
        {
            case BsonType.Null:
                writer.WriteNullValue();
                break;
            case BsonType.String:
                writer.WriteStringValue(value.AsString);
                break;
            case BsonType.Boolean:
                writer.WriteBooleanValue(value.AsBoolean);
                break;
            case BsonType.Int32:
                writer.WriteNumberValue(value.AsInt32);
                break;
            case BsonType.Int64:
                writer.WriteNumberValue(value.AsInt64);
                break;
            case BsonType.Double when double.IsFinite(value.AsDouble):
                writer.WriteNumberValue(value.AsDouble);
                break;
            case BsonType.Decimal:
                writer.WriteNumberValue(value.AsDecimal);
                break;
            case BsonType.DateTime:
                writer.WriteStringValue(value.AsDateTime.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
                break;
            case BsonType.Binary:
                writer.WriteBase64StringValue(value.AsBinary);
                break;
            case BsonType.Guid:
                writer.WriteStringValue(value.AsGuid);
                break;
            case BsonType.ObjectId:
                writer.WriteStringValue(value.AsObjectId.ToString());
                break;
            default:
                // Infinities and NaN, MinValue and MaxValue: JSON has no number for them.
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}
