using RulesEngine.RuleFiles;

namespace RulesEngine.Tests.RuleFiles;

/// <summary>Reading email, webhook and shell actions, their run policy, and a responder's on_crash and on_resolve.</summary>
public sealed class ActionKindParsingTests
{
    [Fact]
    public void Each_kind_keeps_its_settings_and_the_run_policy()
    {
        var result = RuleFileParser.Parse("/rules/kinds.yaml", """
            responders:
              - name: all
                watch: disk
                on_crash: abandon
                actions:
                  - name: mail
                    retries: 5
                    retry_delay: 30s
                    repeat: 4h
                    timeout: 10s
                    email:
                      to: [ops@example.com, "{{ issue.details.owner }}"]
                      subject: "{{ issue.name }}"
                      text: body
                      host: smtp.example.com
                      port: 2525
                      tls: STARTTLS
                      username_env: SMTP_USER
                      password_env: SMTP_PASSWORD
                  - name: hook
                    webhook:
                      url: { env: HOOK_URL }
                      method: patch
                      headers: { X-Token: { env: TOKEN, prefix: "Bearer " }, X-Name: "{{ issue.name }}" }
                      body: { n: 1, name: "{{ issue.name }}" }
                  - name: script
                    shell: { program: ./bin/notify, args: ["{{ issue.id }}"], working_dir: scripts, env: { A: "b" } }
                on_resolve:
                  - log: resolved
            """);

        Assert.Empty(result.Errors);
        var responder = result.File.Responders.Single();
        Assert.Equal(CrashPolicy.Abandon, responder.OnCrash);
        var mail = Assert.IsType<EmailActionDefinition>(responder.Actions[0]);
        Assert.Equal((5, TimeSpan.FromSeconds(30), TimeSpan.FromHours(4), TimeSpan.FromSeconds(10)),
            (mail.Retries, mail.RetryDelay, mail.Repeat, mail.Timeout));
        Assert.Equal(["ops@example.com", "{{ issue.details.owner }}"], mail.To.Select(to => to.Text));
        Assert.Equal(new SmtpSettings { Host = "smtp.example.com", Port = 2525, Tls = TlsMode.StartTls,
            UsernameEnv = "SMTP_USER", PasswordEnv = "SMTP_PASSWORD" }, mail.Smtp);
        var hook = Assert.IsType<WebhookActionDefinition>(responder.Actions[1]);
        Assert.Equal(("PATCH", "HOOK_URL", ActionDefinition.DefaultRetries, (TimeSpan?)null),
            (hook.Method, hook.Url.Environment, hook.Retries, hook.Repeat));
        Assert.Equal(["X-Token", "X-Name"], hook.Headers.Select(header => header.Key));
        Assert.Equal("""{"n":1,"name":"{{ issue.name }}"}""", hook.Body!.Json!.ToJsonString());
        var script = Assert.IsType<ShellActionDefinition>(responder.Actions[2]);
        Assert.Equal(("/rules/bin/notify", "/rules/scripts"), (script.Program, script.WorkingDirectory));
        Assert.Equal("on_resolve:0:log", Assert.IsType<LogActionDefinition>(responder.OnResolve.Single()).Key);
    }

    [Fact]
    public void Settings_that_cannot_work_are_load_errors_at_their_keys()
    {
        var result = RuleFileParser.Parse("bad.yaml", """
            responders:
              - name: bad
                watch: disk
                on_crash: sometimes
                actions:
                  - email: { to: "not an address", subject: s, username_env: USER }
                  - webhook: { url: "ftp://example.com", headers: { Content-Type: text/plain } }
                  - shell: { args: [a] }
                on_resolve:
                  - { repeat: 1h, log: x }
              - name: every pass
                watch: disk
                allow_retry: true
                actions:
                  - { retries: 2, log: x }
            """);

        Assert.Equal([
            (4, "unknown policy 'sometimes' for 'on_crash'; expected retry (run an interrupted action again: at least once) or abandon (record it as abandoned: at most once)"),
            (6, "an email action needs 'text' or 'html' (or both) for its body"),
            (6, "give both 'username_env' and 'password_env' (the environment variables holding the SMTP credentials), or neither"),
            (6, "'not an address' for 'to' is not an email address or a list of them"),
            (7, "'ftp://example.com' for 'url' is not an absolute http or https URL"),
            (7, "give the body's type with 'content_type', not as a header"),
            (8, "a shell action needs 'program' (a program name or path)"),
            (10, "'repeat' has no effect in on_resolve, whose actions run once per resolution; remove it"),
            (15, "'retries' has no effect in a responder with allow_retry, which runs its actions again on every respond pass; remove it"),
        ], result.Errors.Select(error => (error.Location.Line, error.Message)));
        Assert.Empty(result.File.Responders);
    }
}
