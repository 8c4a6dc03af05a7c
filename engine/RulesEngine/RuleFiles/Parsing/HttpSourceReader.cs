namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// Reads an <c>http</c> source: the URL, and optionally the <c>path</c> of the records' array in the answer
/// (<c>data.items</c>), a <c>timeout</c>, and <c>headers</c> whose values may come from environment variables.
/// </summary>
internal static class HttpSourceReader
{
    // RFC 9110, section 5.6.2: a header name is a token.
    private const string TokenSymbols = "!#$%&'*+-.^_`|~";

    public static HttpSourceDefinition? Read(KeyedMapping source, SourceLocation location, ErrorCollector errors)
    {
        var url = ReadUrl(source, errors);
        var path = source.Optional("path") is { } pathNode ? ReadArrayPath(pathNode, errors) : [];
        var timeout = source.Optional("timeout") is { } timeoutNode
            ? DurationParser.Read(timeoutNode, "timeout", allowZero: false, DurationParser.LongestTimeout, errors)
            : null;
        var headers = source.Optional("headers") is { } headersNode ? ReadHeaders(headersNode, errors) : [];

        // Errors in the other keys are reported; the model assertion reader then drops the whole rule.
        return url is null ? null : new HttpSourceDefinition(location, url, path, timeout, headers);
    }

    private static Uri? ReadUrl(KeyedMapping source, ErrorCollector errors)
    {
        const string expected = "an absolute http or https URL";
        var node = source.Required("http", expected, errors);
        var text = node is null ? null : NodeReader.NonBlankText(node, "http", expected, errors);
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            errors.Add(node!.Start, $"expected {expected} for 'http', found '{text}'");
            return null;
        }

        return url;
    }

    private static string[] ReadArrayPath(YamlNode node, ErrorCollector errors)
    {
        var text = NodeReader.NonBlankText(node, "path", "property names separated by dots, such as data.items", errors);
        var names = text?.Split('.') ?? [];
        if (names.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(node.Start, $"expected property names separated by dots for 'path', such as data.items; found '{text}'");
        }

        return names;
    }

    private static List<HttpHeader> ReadHeaders(YamlNode node, ErrorCollector errors)
    {
        var mapping = NodeReader.Mapping(node, "headers", "a mapping of header names to values or { env: NAME }", errors);
        var headers = new List<HttpHeader>();
        foreach (var entry in mapping?.Entries ?? [])
        {
            var name = NodeReader.NonBlankText(entry.Key, "headers", "a header name", errors);
            if (name is not null && !name.All(character => char.IsAsciiLetterOrDigit(character) || TokenSymbols.Contains(character)))
            {
                errors.Add(entry.Key.Start, $"'{name}' is not an HTTP header name (letters, digits and {TokenSymbols})");
                continue;
            }

            if (name is not null && headers.Find(header => string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase)) is { } first)
            {
                errors.Add(entry.Key.Start, $"the header '{name}' is given twice; first at line {first.Location.Line}");
                continue;
            }

            var value = SourceSettingReader.Read(entry.Value, name ?? "headers", "the header's value", errors);
            if (name is not null && value is not null)
            {
                headers.Add(new HttpHeader(name, value, errors.Locate(entry.Key.Start)));
            }
        }

        return headers;
    }
}
