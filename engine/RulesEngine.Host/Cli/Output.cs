using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RulesEngine.Host.Cli;

/// <summary>Writes a command's result for people, or as JSON with <c>--json</c>.</summary>
/// <remarks>
/// With <c>--json</c>, stdout must hold the JSON and nothing else, yet rule code may write to <see cref="Console.Out"/>
/// (a check doing <c>Console.WriteLine</c>). Creating the output in JSON mode therefore keeps the real stdout for the
/// JSON and sends everything else written to <see cref="Console.Out"/> to stderr, for the rest of the command: a
/// command is the whole life of its process, so nothing is put back.
/// </remarks>
internal sealed class Output
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly TextWriter? jsonOut;

    public Output(bool json)
    {
        if (json)
        {
            jsonOut = Console.Out;
            Console.SetOut(Console.Error);
        }
    }

    public bool IsJson => jsonOut is not null;

    /// <summary>Writes <paramref name="value"/> as JSON, or calls <paramref name="forPeople"/>.</summary>
    public void Write<T>(T value, Action<T> forPeople)
    {
        if (jsonOut is not null)
        {
            jsonOut.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
        }
        else
        {
            forPeople(value);
        }
    }

    public void Error(string message)
    {
        jsonOut?.WriteLine(JsonSerializer.Serialize(new { error = message }, JsonOptions));
        Console.Error.WriteLine(message);
    }

    public static string Json(object? value) => JsonSerializer.Serialize(value, JsonOptions);
}
