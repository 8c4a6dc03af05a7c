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
            fileKeys = new ConfigurationBuilder().AddJsonFile(path, optional: false).Build()
                .AsEnumerable(makePathsRelative: true).Select(pair => pair.Key).ToList();
        }

        var configuration = builder
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(flags.Where(flag => flag.Value is not null))
            .Build();
        return (configuration, fileKeys);
    }
}
