using System.Text.RegularExpressions;

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// Reads a <c>webhook</c> action: <c>url</c>, <c>method</c> (default POST), <c>headers</c>, <c>body</c> (default
/// the issue as JSON) and <c>content_type</c> (default application/json). A URL written without markup is checked
/// here; one from a template or an environment variable when the action runs.
/// </summary>
internal static partial class WebhookActionReader
{
    private const string UrlExpected = "an http or https URL, a template giving one, or { env: NAME }";
    private const string HeaderExpected = "a template, or { env: NAME, prefix: ... } for a secret";

    private static readonly string[] Keys = ["url", "method", "headers", "body", "content_type"];

    public static WebhookActionDefinition? Read(YamlNode node, string key, SourceLocation location,
        ErrorCollector errors)
    {
        var mapping = NodeReader.Mapping(node, "webhook", "a mapping with url and optionally method, headers, body", errors);
        if (mapping is null)
        {
            return null;
        }

        var webhook = KeyedMapping.Read(mapping, "a webhook action", Keys, errors);
        var url = webhook.Required("url", UrlExpected, errors) is { } urlNode ? ReadUrl(urlNode, errors) : null;
        var method = webhook.Optional("method") is { } methodNode ? ReadMethod(methodNode, errors) : "POST";
        var headers = webhook.Optional("headers") is { } headersNode ? ReadHeaders(headersNode, errors) : [];
        var body = webhook.Optional("body") is { } bodyNode ? WebhookBodyReader.Read(bodyNode, errors) : null;
        var contentType = webhook.Optional("content_type") is { } typeNode
            ? NodeReader.NonBlankText(typeNode, "content_type", "a media type such as application/json", errors)
            : "application/json";
        if (url is null || method is null || contentType is null)
        {
            return null;
        }

        return new WebhookActionDefinition
        {
            Key = key,
            Location = location,
            Url = url,
            Method = method,
            Headers = headers,
            Body = body,
            ContentType = contentType,
        };
    }

    /// <summary>An absolute http or https URL; the one check for URLs known at load and those rendered at run.</summary>
    public static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static TextSource? ReadUrl(YamlNode node, ErrorCollector errors)
    {
        var url = TextSourceReader.Read(node, "url", UrlExpected, errors);
        if (url?.Template is { IsPlainText: true } template && !IsHttpUrl(template.Text))
        {
            errors.Add(node.Start, $"'{template.Text}' for 'url' is not an absolute http or https URL");
            return null;
        }

        return url;
    }

    private static string? ReadMethod(YamlNode node, ErrorCollector errors)
    {
        var method = NodeReader.Text(node, "method", "an HTTP method such as POST", errors);
        if (method is not null && !Token().IsMatch(method))
        {
            errors.Add(node.Start, $"'{method}' for 'method' is not an HTTP method; expected a word such as POST or PUT");
            return null;
        }

        return method?.ToUpperInvariant();
    }

    private static IReadOnlyList<KeyValuePair<string, TextSource>> ReadHeaders(YamlNode node, ErrorCollector errors)
    {
        var mapping = NodeReader.Mapping(node, "headers", "a mapping of header names to values", errors);
        var headers = new List<KeyValuePair<string, TextSource>>();
        foreach (var entry in mapping?.Entries ?? [])
        {
            if (HeaderName(entry, headers, errors) is { } name
                && TextSourceReader.Read(entry.Value, name, HeaderExpected, errors) is { } value)
            {
                headers.Add(new(name, value));
            }
        }

        return headers;
    }

    private static string? HeaderName(MappingEntry entry, List<KeyValuePair<string, TextSource>> earlier,
        ErrorCollector errors)
    {
        var problem = entry.Name switch
        {
            null => $"expected a header name, found {entry.Key.Describe()}",
            var name when !Token().IsMatch(name) => $"'{name}' is not an HTTP header name",
            var name when name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) =>
                "give the body's type with 'content_type', not as a header",
            var name when earlier.Any(header => header.Key.Equals(name, StringComparison.OrdinalIgnoreCase)) =>
                $"the header '{name}' is given twice",
            _ => null,
        };

        if (problem is not null)
        {
            errors.Add(entry.Key.Start, problem);
            return null;
        }

        return entry.Name;
    }

    // RFC 9110's token: what a method or a header name may be.
    [GeneratedRegex(@"\A[!#$%&'*+\-.^_`|~0-9A-Za-z]+\z")]
    private static partial Regex Token();
}
