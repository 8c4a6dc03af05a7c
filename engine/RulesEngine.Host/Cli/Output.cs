using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RulesEngine.Host.Cli;

/// <summary>Writes a command's result for people, or as JSON with <c>--json</c>.</summary>
internal sealed class Output(bool json)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public bool IsJson => json;

    /// <summary>Writes <paramref name="value"/> as JSON, or calls <paramref name="forPeople"/>.</summary>
    public void Write<T>(T value, Action<T> forPeople)
    {
        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
        }
        else
        {
            forPeople(value);
        }
    }

    public void Error(string message)
    {
        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new { error = message }, JsonOptions));
        }

        Console.Error.WriteLine(message);
    }

    public static string Json(object? value) => JsonSerializer.Serialize(value, JsonOptions);
}
