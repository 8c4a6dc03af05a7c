namespace RulesEngine.RuleFiles;

/// <summary>
/// Where and how an email action sends: each setting given in the action, or else taken from the engine's defaults
/// (<see cref="EngineOptions.Smtp"/>). Credentials are never in a rule file: only the names of the
/// environment variables holding them.
/// </summary>
public sealed record SmtpSettings
{
    public string? Host { get; init; }

    /// <summary>Null for the default of the TLS mode: 25, 587 or 465.</summary>
    public int? Port { get; init; }

    /// <summary>Null for the engine's default, else StartTls.</summary>
    public TlsMode? Tls { get; init; }

    /// <summary>The environment variable holding the user name; with <see cref="PasswordEnv"/>, or neither.</summary>
    public string? UsernameEnv { get; init; }

    public string? PasswordEnv { get; init; }

    /// <summary>The sender, such as <c>Rules &lt;rules@example.com&gt;</c>; null for the engine's default.</summary>
    public string? From { get; init; }

    /// <summary>These settings, with each one not given taken from <paramref name="defaults"/>.</summary>
    public SmtpSettings Over(SmtpSettings defaults) => new()
    {
        Host = Host ?? defaults.Host,
        Port = Port ?? (Host is null ? defaults.Port : null),
        Tls = Tls ?? defaults.Tls,
        UsernameEnv = UsernameEnv ?? (PasswordEnv is null ? defaults.UsernameEnv : null),
        PasswordEnv = PasswordEnv ?? (UsernameEnv is null ? defaults.PasswordEnv : null),
        From = From ?? defaults.From,
    };
}
