using System.Globalization;
using RulesEngine.RuleFiles;

namespace RulesEngine.Host.Cli;

/// <summary>
/// Engine settings the command line takes from environment variables, so cron jobs and containers set them once
/// and secrets never appear in a command line: the API base URL for issue links, and the default SMTP server.
/// </summary>
internal static class EnvironmentSettings
{
    public const string ApiUrl = "RULES_ENGINE_API_URL";
    public const string SmtpHost = "RULES_ENGINE_SMTP_HOST";
    public const string SmtpPort = "RULES_ENGINE_SMTP_PORT";
    public const string SmtpTls = "RULES_ENGINE_SMTP_TLS";
    public const string SmtpFrom = "RULES_ENGINE_SMTP_FROM";

    /// <summary>Read when an email action sends through the default server; only their names are kept.</summary>
    public const string SmtpUsername = "RULES_ENGINE_SMTP_USERNAME";
    public const string SmtpPassword = "RULES_ENGINE_SMTP_PASSWORD";

    /// <returns>The options with the settings found; <paramref name="errors"/> lists every value that is wrong.</returns>
    public static EngineOptions Apply(EngineOptions options, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        var smtp = new SmtpSettings
        {
            Host = Read(SmtpHost),
            Port = ReadPort(problems),
            Tls = ReadTls(problems),
            From = Read(SmtpFrom),
            UsernameEnv = Read(SmtpUsername) is null ? null : SmtpUsername,
            PasswordEnv = Read(SmtpPassword) is null ? null : SmtpPassword,
        };
        if ((smtp.UsernameEnv is null) != (smtp.PasswordEnv is null))
        {
            problems.Add($"set both {SmtpUsername} and {SmtpPassword}, or neither");
        }

        var apiUrl = Read(ApiUrl);
        if (apiUrl is not null && !Uri.TryCreate(apiUrl, UriKind.Absolute, out _))
        {
            problems.Add($"{ApiUrl} is '{apiUrl}', which is not an absolute URL");
        }

        errors = problems;
        return options with { Smtp = smtp, ApiBaseUrl = apiUrl };
    }

    private static string? Read(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value.Trim() : null;

    private static int? ReadPort(List<string> problems)
    {
        var text = Read(SmtpPort);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535)
        {
            return port;
        }

        problems.Add($"{SmtpPort} is '{text}'; expected a port number from 1 to 65535");
        return null;
    }

    private static TlsMode? ReadTls(List<string> problems) => Read(SmtpTls)?.ToLowerInvariant() switch
    {
        null => null,
        "none" => TlsMode.None,
        "starttls" => TlsMode.StartTls,
        "tls" => TlsMode.Tls,
        var other => Problem(problems, $"{SmtpTls} is '{other}'; expected none, starttls or tls"),
    };

    private static TlsMode? Problem(List<string> problems, string problem)
    {
        problems.Add(problem);
        return null;
    }
}
