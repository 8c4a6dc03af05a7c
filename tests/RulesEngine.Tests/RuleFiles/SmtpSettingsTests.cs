using RulesEngine.RuleFiles;

namespace RulesEngine.Tests.RuleFiles;

public sealed class SmtpSettingsTests
{
    private static readonly SmtpSettings Defaults = new()
    {
        Host = "smtp.internal",
        Port = 2525,
        Tls = TlsMode.None,
        UsernameEnv = "DEFAULT_USER",
        PasswordEnv = "DEFAULT_PASSWORD",
        From = "rules@example.com",
    };

    [Fact]
    public void An_action_without_a_server_takes_the_default_server_whole()
    {
        Assert.Equal(Defaults, new SmtpSettings().Over(Defaults));
    }

    [Fact]
    public void An_action_naming_its_own_server_never_gets_the_default_servers_port_tls_or_credentials()
    {
        var own = new SmtpSettings { Host = "smtp.example.com" }.Over(Defaults);

        Assert.Equal(new SmtpSettings { Host = "smtp.example.com", From = "rules@example.com" }, own);
    }
}
