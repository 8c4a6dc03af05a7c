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

    /// <summary>
    /// These settings, with those not given taken from <paramref name="defaults"/>. Settings that belong to a server
    /// (port, TLS mode, credentials) are taken only when these settings do not name a server of their own: another
    /// server must not be sent the default server's password. The sender is taken either way.
    /// </summary>
    public SmtpSettings Over(SmtpSettings defaults)
    {
        var server = Host is null ? defaults : new SmtpSettings();
        var credentials = UsernameEnv is null ? server : this;
        return new SmtpSettings
        {
            Host = Host ?? defaults.Host,
            Port = Port ?? server.Port,
            Tls = Tls ?? server.Tls,
            UsernameEnv = credentials.UsernameEnv,
            PasswordEnv = credentials.PasswordEnv,
            From = From ?? defaults.From,
        };
    }
}
