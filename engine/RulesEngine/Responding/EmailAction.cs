using System.Text.Json.Nodes;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using RulesEngine.RuleFiles;
using RulesEngine.Templates;

namespace RulesEngine.Responding;

/// <summary>
/// Sends an email through SMTP with MailKit: one connection per run, authenticated from environment variables when
/// the settings name them. The details record the message id, recipients, subject and the server's answer.
/// </summary>
internal sealed class EmailAction(EmailActionDefinition definition) : IResponderAction
{
    public async Task<JsonNode?> ExecuteAsync(ActionInvocation invocation)
    {
        var smtp = definition.Smtp.Over(invocation.Options.Smtp);
        var host = smtp.Host ?? throw new ActionFailedException("no SMTP server: give 'host' in the email action, " +
            "or set the engine's default (EngineOptions.Smtp, or RULES_ENGINE_SMTP_HOST for the command line)");
        var from = smtp.From ?? throw new ActionFailedException("no sender: give 'from' in the email action, " +
            "or set the engine's default (EngineOptions.Smtp, or RULES_ENGINE_SMTP_FROM for the command line)");
        var tls = smtp.Tls ?? TlsMode.StartTls;
        var port = smtp.Port ?? DefaultPort(tls);

        var message = await ComposeAsync(invocation, from).ConfigureAwait(false);
        var response = await SendAsync(message, host, port, tls, smtp, invocation.CancellationToken).ConfigureAwait(false);
        return new JsonObject
        {
            ["message_id"] = message.MessageId,
            ["to"] = Addresses(message.To),
            ["cc"] = Addresses(message.Cc),
            ["bcc"] = Addresses(message.Bcc),
            ["subject"] = message.Subject,
            ["server"] = $"{host}:{port}",
            ["response"] = response,
        };
    }

    private static int DefaultPort(TlsMode tls) => tls switch
    {
        TlsMode.None => 25,
        TlsMode.Tls => 465,
        _ => 587,
    };

    private static SecureSocketOptions Security(TlsMode tls) => tls switch
    {
        TlsMode.None => SecureSocketOptions.None,
        TlsMode.Tls => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    private static JsonArray Addresses(InternetAddressList list) =>
        new([.. list.Mailboxes.Select(mailbox => JsonValue.Create(mailbox.Address))]);

    private async Task<MimeMessage> ComposeAsync(ActionInvocation invocation, string from)
    {
        var scope = invocation.Templates;
        var token = invocation.CancellationToken;
        var message = new MimeMessage
        {
            Date = invocation.Options.TimeProvider.GetUtcNow(),
            Subject = (await TemplateRenderer.RenderTextAsync(definition.Subject, scope, token).ConfigureAwait(false))
                .ReplaceLineEndings(" "),
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.AddRange(await RecipientsAsync(definition.To, scope, token).ConfigureAwait(false));
        message.Cc.AddRange(await RecipientsAsync(definition.Cc, scope, token).ConfigureAwait(false));
        message.Bcc.AddRange(await RecipientsAsync(definition.Bcc, scope, token).ConfigureAwait(false));
        message.ReplyTo.AddRange(await RecipientsAsync(definition.ReplyTo, scope, token).ConfigureAwait(false));
        if (message.To.Count == 0)
        {
            throw new ActionFailedException("no recipient: every 'to' template rendered blank");
        }

        var body = new BodyBuilder
        {
            TextBody = definition.Text is null ? null : await TemplateRenderer.RenderTextAsync(definition.Text, scope, token).ConfigureAwait(false),
            HtmlBody = definition.Html is null ? null : await TemplateRenderer.RenderHtmlAsync(definition.Html, scope, token).ConfigureAwait(false),
        };
        message.Body = body.ToMessageBody();
        return message;
    }

    private static async Task<List<InternetAddress>> RecipientsAsync(IReadOnlyList<IssueTemplate> templates,
        TemplateScope scope, CancellationToken token)
    {
        var addresses = new List<InternetAddress>();
        foreach (var template in templates)
        {
            var text = await TemplateRenderer.RenderTextAsync(template, scope, token).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(text))
            {
                // A recipient written as {% if ... %}...{% endif %} that renders blank adds no one.
                continue;
            }

            if (!InternetAddressList.TryParse(text, out var list) || list.Count == 0)
            {
                throw new ActionFailedException($"the '{template.Key}' template at {template.Location} rendered " +
                    $"'{text}', which is not an email address or a list of them");
            }

            addresses.AddRange(list);
        }

        return addresses;
    }

    private static async Task<string> SendAsync(MimeMessage message, string host, int port, TlsMode tls,
        SmtpSettings smtp, CancellationToken token)
    {
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(host, port, Security(tls), token).ConfigureAwait(false);
            if (smtp.UsernameEnv is { } usernameEnv && smtp.PasswordEnv is { } passwordEnv)
            {
                await client.AuthenticateAsync(Secret(usernameEnv, "username_env"), Secret(passwordEnv, "password_env"), token)
                    .ConfigureAwait(false);
            }

            var response = await client.SendAsync(message, token).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, token).ConfigureAwait(false);
            return response;
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or ActionFailedException))
        {
            throw new ActionFailedException($"sending through {host}:{port} ({tls}) failed: {exception.Message}",
                new JsonObject { ["server"] = $"{host}:{port}" }, exception);
        }
    }

    private static string Secret(string variable, string key) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new ActionFailedException($"the environment variable '{variable}' named by '{key}' is not set");
}
