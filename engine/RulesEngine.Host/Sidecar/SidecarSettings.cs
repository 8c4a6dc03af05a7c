using System.Net;
using Microsoft.Extensions.Configuration;
using RulesEngine.Host.Cli;
using RulesEngine.RuleFiles;
using RulesEngine.RuleFiles.Parsing;

namespace RulesEngine.Host.Sidecar;

/// <summary>
/// The sidecar's settings, read from configuration (defaults, a JSON file, <c>RULES_ENGINE_*</c> environment
/// variables, command-line flags, later ones winning). <see cref="Read"/> reports every bad value at once.
/// </summary>
internal sealed record SidecarSettings
{
    public required string Rules { get; init; }

    public required string Store { get; init; }

    public required string Urls { get; init; }

    public string? Token { get; init; }

    public required CronSchedule DefaultSchedule { get; init; }

    public required TimeSpan RespondInterval { get; init; }

    public required TimeSpan CheckTimeout { get; init; }

    public required TimeSpan ActionTimeout { get; init; }

    public required TimeSpan ShutdownGrace { get; init; }

    public required TimeSpan PollInterval { get; init; }

    public required long MaxRequestBodyBytes { get; init; }

    public required bool JsonLogs { get; init; }

    public required bool RunWhenLoaded { get; init; }

    /// <summary>
    /// The longest duration of any setting: each is waited for with .NET's timers, which cannot wait past about 49.7
    /// days (a longer check timeout failed every rule, a longer shutdown grace made SIGTERM crash). The limit is a rule
    /// file's longest <c>timeout</c>.
    /// </summary>
    private static readonly TimeSpan LongestDuration = DurationParser.LongestTimeout;

    /// <summary>The documented keys and their defaults; README's configuration table lists the same.</summary>
    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
    {
        ["Rules"] = "rules",
        ["Store"] = Path.Combine("data", "issues.db"),
        ["Urls"] = "http://127.0.0.1:8080",
        ["Token"] = null,
        ["DefaultSchedule"] = "* * * * *",
        ["RespondInterval"] = "15s",
        ["CheckTimeout"] = "30s",
        ["ActionTimeout"] = "30s",
        ["ShutdownGrace"] = "10s",
        ["PollInterval"] = "1s",
        ["MaxRequestBodyBytes"] = "1048576",
        ["LogFormat"] = "text",
        ["RunWhenLoaded"] = "true",
    };

    /// <param name="configuration">Every source together.</param>
    /// <param name="fileKeys">The keys the settings file holds: an unknown one there is a typo to report. (Unknown
    /// environment variables are not: other tools may share the prefix.)</param>
    public static (SidecarSettings? Settings, IReadOnlyList<string> Errors) Read(IConfiguration configuration, IEnumerable<string> fileKeys)
    {
        var errors = new List<string>();
        var unknown = fileKeys.Select(key => key.Split(':')[0]).Where(key => !Defaults.ContainsKey(key)).Distinct(StringComparer.OrdinalIgnoreCase);
        errors.AddRange(unknown.Select(key => $"Unknown setting '{key}' in the settings file. Known settings: {string.Join(", ", Defaults.Keys)}."));

        string Text(string key) => configuration[key] ?? Defaults[key] ?? "";
        TimeSpan Duration(string key) => !DurationParser.TryParse(Text(key), out var value) || value <= TimeSpan.Zero
            ? Error(TimeSpan.Zero, $"Setting {key} = '{Text(key)}' is not a positive duration: expected {DurationParser.AcceptedForms}.")
            : value > LongestDuration
            ? Error(TimeSpan.Zero, $"Setting {key} = '{Text(key)}' is too long: at most {LongestDuration.TotalDays:0}d, as for a rule's timeout.")
            : value;
        T Error<T>(T fallback, string message)
        {
            errors.Add(message);
            return fallback;
        }

        var settings = new SidecarSettings
        {
            Rules = Text("Rules"),
            Store = Text("Store"),
            Urls = Text("Urls"),
            Token = string.IsNullOrEmpty(configuration["Token"]) ? null : configuration["Token"],
            DefaultSchedule = CronValidator.TryParse(Text("DefaultSchedule"), out var schedule, out var problem)
                ? schedule!
                : Error<CronSchedule>(null!, $"Setting DefaultSchedule = '{Text("DefaultSchedule")}' is not a usable cron expression: {problem}"),
            RespondInterval = Duration("RespondInterval"),
            CheckTimeout = Duration("CheckTimeout"),
            ActionTimeout = Duration("ActionTimeout"),
            ShutdownGrace = Duration("ShutdownGrace"),
            PollInterval = Duration("PollInterval"),
            MaxRequestBodyBytes = long.TryParse(Text("MaxRequestBodyBytes"), out var bytes) && bytes > 0
                ? bytes
                : Error(0L, $"Setting MaxRequestBodyBytes = '{Text("MaxRequestBodyBytes")}' is not a positive number of bytes."),
            RunWhenLoaded = bool.TryParse(Text("RunWhenLoaded"), out var runWhenLoaded)
                ? runWhenLoaded
                : Error(true, $"Setting RunWhenLoaded = '{Text("RunWhenLoaded")}' is neither true nor false."),
            JsonLogs = Text("LogFormat").ToLowerInvariant() switch
            {
                "json" => true,
                "text" => false,
                _ => Error(false, $"Setting LogFormat = '{Text("LogFormat")}' is neither 'text' nor 'json'."),
            },
        };

        errors.AddRange(UrlProblems(settings));
        if (string.IsNullOrWhiteSpace(settings.Store))
        {
            errors.Add("Setting Store is empty: give it (or --store) the path of the issue store's file.");
        }

        // Refused rather than watched until it appears: a missing folder is a typo far more often than a volume not
        // mounted yet, and an orchestrator restarts a sidecar that exits.
        if (RulesDirectoryCheck.Problem(settings.Rules, "Rules (--rules)") is { } rulesProblem)
        {
            errors.Add(rulesProblem);
        }

        return errors.Count == 0 ? (settings, []) : (null, errors);
    }

    // An API that changes issues must not be reachable from the network without a token.
    private static IEnumerable<string> UrlProblems(SidecarSettings settings)
    {
        foreach (var url in settings.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out var uri))
            {
                yield return $"Setting Urls has '{url}', which is not a URL such as http://127.0.0.1:8080.";
            }
            else if (!IsLoopback(uri.Host) && settings.Token is null)
            {
                yield return $"Setting Urls binds to {uri.Host}, which is not a loopback address: set Token (or RULES_ENGINE_TOKEN) so that only its holders can change issues.";
            }
        }
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
