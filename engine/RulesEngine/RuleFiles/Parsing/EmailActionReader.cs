using MimeKit;
using RulesEngine.Templates;

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// Reads an <c>email</c> action: recipients (<c>to</c>, <c>cc</c>, <c>bcc</c>, <c>reply_to</c>), <c>subject</c>,
/// <c>text</c> and/or <c>html</c>, all templates; and the server (<c>host</c>, <c>port</c>, <c>tls</c>,
/// <c>username_env</c>, <c>password_env</c>) and <c>from</c>, which may instead come from the engine's defaults.
/// Addresses written without markup are checked here.
/// </summary>
internal static class EmailActionReader
{
    private const string Addresses = "an email address, a comma-separated list of them, or a template giving them";

    private static readonly string[] Keys =
    [
        "to", "cc", "bcc", "reply_to", "from", "subject", "text", "html",
        "host", "port", "tls", "username_env", "password_env",
    ];

    private static readonly Dictionary<string, TlsMode> TlsModes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = TlsMode.None,
        ["starttls"] = TlsMode.StartTls,
        ["tls"] = TlsMode.Tls,
    };

    public static EmailActionDefinition? Read(YamlNode node, string key, SourceLocation location, ErrorCollector errors)
    {
        var mapping = NodeReader.Mapping(node, "email", "a mapping with to, subject, and text or html", errors);
        if (mapping is null)
        {
            return null;
        }

        var email = KeyedMapping.Read(mapping, "an email action", Keys, errors);
        var to = email.Required("to", Addresses, errors) is { } toNode ? Recipients(toNode, "to", errors) : [];
        var subject = email.Required("subject", "a template for the subject line", errors) is { } subjectNode
            ? TemplateReader.ReadNonBlank(subjectNode, "subject", "a template for the subject line", errors)
            : null;
        var text = Optional(email, "text", "a template for the plain-text body", errors);
        var html = Optional(email, "html", "a template for the HTML body", errors);
        if (!email.Contains("text") && !email.Contains("html"))
        {
            errors.Add(mapping.Start, "an email action needs 'text' or 'html' (or both) for its body");
        }

        var smtp = ReadSmtp(email, mapping, errors);
        if (to.Count == 0 || subject is null || smtp is null)
        {
            return null;
        }

        return new EmailActionDefinition
        {
            Key = key,
            Location = location,
            To = to,
            Cc = OptionalRecipients(email, "cc", errors),
            Bcc = OptionalRecipients(email, "bcc", errors),
            ReplyTo = OptionalRecipients(email, "reply_to", errors),
            Subject = subject,
            Text = text,
            Html = html,
            Smtp = smtp,
        };
    }

    private static IssueTemplate? Optional(KeyedMapping email, string key, string expected, ErrorCollector errors) =>
        email.Optional(key) is { } node ? TemplateReader.Read(node, key, expected, errors) : null;

    private static IReadOnlyList<IssueTemplate> OptionalRecipients(KeyedMapping email, string key,
        ErrorCollector errors) =>
        email.Optional(key) is { } node ? Recipients(node, key, errors) : [];

    private static IReadOnlyList<IssueTemplate> Recipients(YamlNode node, string key, ErrorCollector errors)
    {
        var templates = TemplateReader.ReadOneOrMore(node, key, Addresses, errors);
        foreach (var template in templates.Where(template => template.IsPlainText))
        {
            if (!InternetAddressList.TryParse(template.Text, out var list) || list.Count == 0)
            {
                errors.Add(node.Start, $"'{template.Text}' for '{key}' is not an email address or a list of them");
            }
        }

        return templates;
    }

    private static SmtpSettings? ReadSmtp(KeyedMapping email, MappingNode mapping, ErrorCollector errors)
    {
        var host = email.Optional("host") is { } hostNode
            ? NodeReader.NonBlankText(hostNode, "host", "the SMTP server's host name", errors)
            : null;
        var port = email.Optional("port") is { } portNode ? NodeReader.Integer(portNode, "port", 1, 65535, errors) : null;
        var tls = email.Optional("tls") is { } tlsNode ? ReadTls(tlsNode, errors) : null;
        var username = email.Optional("username_env") is { } userNode
            ? EnvironmentNames.Read(userNode, "username_env", errors)
            : null;
        var password = email.Optional("password_env") is { } passwordNode
            ? EnvironmentNames.Read(passwordNode, "password_env", errors)
            : null;
        var from = email.Optional("from") is { } fromNode ? ReadFrom(fromNode, errors) : null;

        if (email.Contains("username_env") != email.Contains("password_env"))
        {
            errors.Add(mapping.Start, "give both 'username_env' and 'password_env' (the environment variables " +
                "holding the SMTP credentials), or neither");
        }

        return errors.HasErrors
            ? null
            : new SmtpSettings { Host = host, Port = port, Tls = tls, UsernameEnv = username, PasswordEnv = password, From = from };
    }

    private static TlsMode? ReadTls(YamlNode node, ErrorCollector errors)
    {
        var text = NodeReader.Text(node, "tls", "none, starttls or tls", errors);
        if (text is not null && TlsModes.TryGetValue(text, out var mode))
        {
            return mode;
        }

        if (text is not null)
        {
            errors.Add(node.Start, $"unknown TLS mode '{text}' for 'tls'; expected none, starttls or tls");
        }

        return null;
    }

    private static string? ReadFrom(YamlNode node, ErrorCollector errors)
    {
        var from = NodeReader.NonBlankText(node, "from", "the sender's address", errors);
        if (from is not null && !MailboxAddress.TryParse(from, out _))
        {
            errors.Add(node.Start, $"'{from}' for 'from' is not an email address (such as " +
                "'Rules <rules@example.com>')");
            return null;
        }

        return from;
    }
}
