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
            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
            fileKeys = ReadKeys(path);
        }

        var configuration = builder
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(flags.Where(flag => flag.Value is not null))
            .Build();
        return (configuration, fileKeys);
    }

    /// <summary>The keys the settings file holds; it is read here first, so that its syntax errors are said well.</summary>
    /// <exception cref="InvalidDataException">The file is not JSON: the message names the file, the line and the reason.</exception>
    private static List<string> ReadKeys(string path)
    {
        try
        {
            return new ConfigurationBuilder().AddJsonFile(path, optional: false).Build()
                .AsEnumerable(makePathsRelative: true).Select(pair => pair.Key).ToList();
        }
        catch (InvalidDataException exception) when (JsonError(exception) is { } json)
        {
            // The provider says only "Failed to load configuration from file"; the reason is the JsonException inside.
            var line = json.LineNumber is { } zeroBased ? $":{zeroBased + 1}" : "";
            throw new InvalidDataException($"{path}{line}: the settings file is not valid JSON: {Reason(json)}", exception);
        }
    }

    private static System.Text.Json.JsonException? JsonError(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Text.Json.JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    // The JsonException's message ends with where it happened ("Path: $ | LineNumber: 2 | ..."), said already.
    private static string Reason(System.Text.Json.JsonException json)
    {
        var message = json.Message;
        var where = message.IndexOf(" Path: ", StringComparison.Ordinal) is var path and >= 0 ? path
            : message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        return (where >= 0 ? message[..where] : message).Trim();
    }
}
