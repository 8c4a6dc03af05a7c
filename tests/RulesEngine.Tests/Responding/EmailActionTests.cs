using System.Text.Json.Nodes;
using MimeKit;
using RulesEngine.Issues;
using RulesEngine.RuleFiles;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Responding;

/// <summary>Email actions against a real SMTP server in the test process.</summary>
public sealed class EmailActionTests : IDisposable
{
    private readonly Workspace workspace = new();
    private readonly SmtpTarget smtp = new();

    public void Dispose()
    {
        smtp.Dispose();
        workspace.Dispose();
    }

    [Fact]
    public async Task The_message_rendered_from_the_templates_reaches_every_recipient_and_a_blank_one_adds_no_one()
    {
        var engine = Open($$$"""
            email:
              host: 127.0.0.1
              port: {{{smtp.Port}}}
              tls: none
              from: "Rules <rules@example.com>"
              to: [ops@example.com, "{{ issue.details.owner }}"]
              cc: lead@example.com
              bcc: [audit@example.com, "{% if issue.details contains 'auditor' %}{{ issue.details.auditor }}{% endif %}"]
              reply_to: noc@example.com
              subject: "[{{ issue.status }}] {{ issue.name }}"
              text: |
                {{ issue.name }} on {{ issue.details.host }} since {{ issue.created_at | date: "%Y-%m-%d %H:%M" }} UTC.
              html: "<p>{{ issue.details.host }}</p>"
            """);
        var issue = engine.Issues.MaybeOpen(new IssueKey("disk full"),
            JsonNode.Parse("""{"owner": "ann@example.com", "host": "<db1>"}""")).Issue;

        await engine.RespondAsync();

        var email = Assert.Single(smtp.Received);
        var message = email.Message;
        Assert.Equal("[Open] disk full", message.Subject);
        Assert.Equal(["ops@example.com", "ann@example.com"], message.To.Mailboxes.Select(mailbox => mailbox.Address));
        Assert.Equal(["lead@example.com"], message.Cc.Mailboxes.Select(mailbox => mailbox.Address));
        Assert.Equal(["noc@example.com"], message.ReplyTo.Mailboxes.Select(mailbox => mailbox.Address));
        Assert.Equal("rules@example.com", message.From.Mailboxes.Single().Address);
        Assert.Equal(["ops@example.com", "ann@example.com", "lead@example.com", "audit@example.com"], email.Envelope);
        Assert.Equal("disk full on <db1> since 2026-03-01 12:00 UTC.", message.TextBody!.Trim());
        Assert.Equal("<p>&lt;db1&gt;</p>", message.HtmlBody!.Trim());

        var run = Assert.Single(engine.Issues.Get(issue.Id)!.Actions);
        Assert.Equal(ActionOutcome.Succeeded, run.Outcome);
        Assert.Equal("[Open] disk full", run.Details!["subject"]!.GetValue<string>());
        Assert.Equal(message.MessageId, run.Details!["message_id"]!.GetValue<string>());
        Assert.Equal($"127.0.0.1:{smtp.Port}", run.Details!["server"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_engines_default_server_and_sender_serve_actions_that_give_none()
    {
        var engine = Open("""
            email: { to: ops@example.com, subject: "{{ issue.name }}", text: "see the issue" }
            """, workspace.Options with
            {
                Smtp = new SmtpSettings { Host = "127.0.0.1", Port = smtp.Port, Tls = TlsMode.None, From = "rules@example.com" },
            });
        engine.Issues.MaybeOpen(new IssueKey("disk full"), null);

        var summary = await engine.RespondAsync();

        Assert.Equal(1, summary.Succeeded);
        Assert.Equal("disk full", Assert.Single(smtp.Received).Message.Subject);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_failure_naming_it()
    {
        var port = SilentServer.ClosedPort();
        var engine = Open($$$"""
            email: { host: 127.0.0.1, port: {{{port}}}, tls: none, from: rules@example.com, to: ops@example.com, subject: s, text: t }
            """);
        var issue = engine.Issues.MaybeOpen(new IssueKey("disk full"), null).Issue;

        await engine.RespondAsync();

        var run = Assert.Single(engine.Issues.Get(issue.Id)!.Actions);
        Assert.Equal(ActionOutcome.Failed, run.Outcome);
        Assert.StartsWith($"sending through 127.0.0.1:{port} (None) failed: ", run.Details!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_details_field_the_issue_lacks_fails_the_action_and_sends_nothing()
    {
        var engine = Open($$$"""
            email: { host: 127.0.0.1, port: {{{smtp.Port}}}, tls: none, from: rules@example.com, to: ops@example.com, subject: "{{ issue.details.queue }}", text: t }
            """);
        var issue = engine.Issues.MaybeOpen(new IssueKey("disk full"), JsonNode.Parse("""{"mount": "/var"}""")).Issue;

        await engine.RespondAsync();

        var error = engine.Issues.Get(issue.Id)!.Actions.Single().Details!["error"]!.GetValue<string>();
        Assert.Matches(@"^the 'subject' template at .*r\.yaml:6:\d+ failed: 'issue\.details' has no field 'queue' \(it has mount\)$",
            error);
        Assert.Empty(smtp.Received);
    }

    private Engine Open(string action, EngineOptions? options = null)
    {
        var indented = string.Join("\n", action.Split('\n').Select(line => "        " + line));
        workspace.WriteRules("r.yaml", $"""
            responders:
              - name: mail
                watch: disk
                actions:
                  - name: mail
            {indented}
            """);
        var engine = workspace.OpenEngine(options);
        Assert.Empty(engine.Rules.Errors);
        return engine;
    }
}
