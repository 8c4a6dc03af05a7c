using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace RulesEngine.Host.Sidecar;

/// <summary>
/// Builds the sidecar's configuration from, in increasing precedence: the defaults, a JSON file
/// (<c>--config</c>, or <c>rules-engine.json</c> in the working directory when present), environment variables
/// prefixed <c>RULES_ENGINE_</c> (<c>RULES_ENGINE_TOKEN</c>), and the command-line flags given.
/// </summary>
internal static class SidecarConfiguration
{
    public const string DefaultFile = "rules-engine.json";
    public const string EnvironmentPrefix = "RULES_ENGINE_";

    /// <summary>The configuration, and the keys the settings file holds (empty without a file).</summary>
    public static (IConfiguration Configuration, IReadOnlyList<string> FileKeys) Build(string? configFile, IReadOnlyDictionary<string, string?> flags)
    {
        var file = configFile ?? (File.Exists(DefaultFile) ? DefaultFile : null);
        var builder = new ConfigurationBuilder().AddInMemoryCollection(SidecarSettings.Defaults);
        IReadOnlyList<string> fileKeys = [];
        if (file is not null)
        {
            var path = Path.GetFullPath(file);
            fileKeys = ReadKeys(path);
            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        var configuration = builder
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(flags.Where(flag => flag.Value is not null))
            .Build();
        return (configuration, fileKeys);
    }

    /// <summary>
    /// The keys the settings file holds. The file is read here first, so that its problems are said well: .NET's JSON
    /// configuration provider says only "Failed to load configuration from file", without the line or the reason, and
    /// takes a directory for a missing file.
    /// </summary>
    /// <exception cref="InvalidDataException">The file cannot be used: the message names it, the line when known, and
    /// the reason.</exception>
    private static List<string> ReadKeys(string path)
    {
        CheckIsJsonObject(path, ReadText(path));
        try
        {
            return new ConfigurationBuilder().AddJsonFile(path, optional: false).Build()
                .AsEnumerable(makePathsRelative: true).Select(pair => pair.Key).ToList();
        }
        catch (InvalidDataException exception) when (exception.InnerException is { } inner)
        {
            // JSON that configuration cannot hold, such as a key written twice ("A duplicate key 'Urls' was found.").
            throw Refused(path, null, $"cannot be used: {inner.Message}", exception);
        }
    }

    private static string ReadText(string path)
    {
        if (Directory.Exists(path))
        {
            throw Refused(path, null, "is a directory, not a file");
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Refused(path, null, "does not exist", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Refused(path, null, $"cannot be read: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// Checks that the file is JSON as RFC 8259 defines it, as README promises, and holds an object. The configuration
    /// provider would also let comments and trailing commas through; refusing them keeps the file one that every
    /// other JSON tool (jq, an editor, a schema check) reads the same way.
    /// </summary>
    private static void CheckIsJsonObject(string path, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Refused(path, null, "is empty; it must hold a JSON object, {} for no settings");
        }

        var utf8 = Encoding.UTF8.GetBytes(text);
        JsonValueKind kind;
        try
        {
            using var document = JsonDocument.Parse(utf8);
            kind = document.RootElement.ValueKind;
        }
        catch (JsonException json)
        {
            throw Refused(path, json.LineNumber + 1, $"is not valid JSON: {Reason(json, utf8)}", json);
        }

        if (kind != JsonValueKind.Object)
        {
            throw Refused(path, null, $"must hold a JSON object ({{ \"Urls\": ... }}), not {Describe(kind)}");
        }
    }

    private static string Reason(JsonException json, byte[] utf8)
    {
        if (json.Message.Contains("trailing comma", StringComparison.Ordinal))
        {
            return "a comma after the last value, which JSON does not allow";
        }

        if (ByteAt(utf8, json) == (byte)'/')
        {
            return "a comment, which JSON does not allow";
        }

        return JsonInput.Reason(json);
    }

    /// <summary>The byte where the error was found, or null when the exception does not say.</summary>
    private static byte? ByteAt(byte[] utf8, JsonException json)
    {
        if (json.LineNumber is not { } line || json.BytePositionInLine is not { } column)
        {
            return null;
        }

        var offset = 0;
        for (var skipped = 0L; skipped < line; skipped++)
        {
            var lineBreak = Array.IndexOf(utf8, (byte)'\n', offset);
            if (lineBreak < 0)
            {
                return null;
            }

            offset = lineBreak + 1;
        }

        var at = offset + column;
        return at < utf8.Length ? utf8[at] : null;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static InvalidDataException Refused(string path, long? line, string problem, Exception? inner = null) =>
        new($"{path}{(line is null ? "" : $":{line}")}: the settings file {problem}", inner);
}
