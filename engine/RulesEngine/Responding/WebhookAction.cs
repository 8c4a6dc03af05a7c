using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RulesEngine.RuleFiles;
using RulesEngine.RuleFiles.Parsing;
using RulesEngine.Templates;

namespace RulesEngine.Responding;

/// <summary>
/// Sends the webhook's request and fails unless the answer is 2xx. The details record the method, the host (not
/// the URL, which may hold a secret), the status and the start of the answer's body.
/// </summary>
internal sealed class WebhookAction(WebhookActionDefinition definition) : IResponderAction
{
    /// <summary>How much of an answer's body is kept in the run's details.</summary>
    private const int KeptAnswer = 4096;

    /// <summary>
    /// One client for every webhook, so connections are pooled; its timeout is off because each run is stopped by
    /// its action's own timeout. Redirects are not followed: a webhook that moved is a configuration to fix, and
    /// following it would turn a POST into a GET.
    /// </summary>
    private static readonly HttpClient Client = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public async Task<JsonNode?> ExecuteAsync(ActionInvocation invocation)
    {
        var uri = await UrlAsync(invocation).ConfigureAwait(false);
        using var request = new HttpRequestMessage(new HttpMethod(definition.Method), uri);
        request.Content = await BodyAsync(invocation).ConfigureAwait(false);
        await AddHeadersAsync(request, invocation).ConfigureAwait(false);

        var details = new JsonObject { ["method"] = definition.Method, ["host"] = uri.Authority };
        try
        {
            using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead,
                invocation.CancellationToken).ConfigureAwait(false);
            details["status"] = (int)response.StatusCode;
            details["answer"] = await ReadStartAsync(response, invocation.CancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new ActionFailedException($"{definition.Method} to {uri.Authority} was answered " +
                    $"{(int)response.StatusCode} {response.ReasonPhrase}", details);
            }

            return details;
        }
        catch (HttpRequestException exception)
        {
            throw new ActionFailedException($"{definition.Method} to {uri.Authority} failed: {exception.Message}",
                details, exception);
        }
    }

    private async Task<Uri> UrlAsync(ActionInvocation invocation)
    {
        var url = await ValueAsync(definition.Url, "url", invocation).ConfigureAwait(false);
        if (WebhookActionReader.IsHttpUrl(url))
        {
            return new Uri(url);
        }

        // A URL from the environment may be a secret: name the variable, not what it holds.
        throw new ActionFailedException(definition.Url.Environment is { } variable
            ? $"the environment variable '{variable}' of 'url' does not hold an absolute http or https URL"
            : $"the 'url' template at {definition.Url.Template!.Location} rendered '{url}', which is not an " +
                "absolute http or https URL");
    }

    private async Task AddHeadersAsync(HttpRequestMessage request, ActionInvocation invocation)
    {
        foreach (var (name, source) in definition.Headers)
        {
            var value = await ValueAsync(source, name, invocation).ConfigureAwait(false);
            if (!request.Headers.TryAddWithoutValidation(name, value)
                && request.Content?.Headers.TryAddWithoutValidation(name, value) != true)
            {
                throw new ActionFailedException($"the header '{name}' cannot be set on a request");
            }
        }
    }

    private static async Task<string> ValueAsync(TextSource source, string key, ActionInvocation invocation)
    {
        if (source.Template is { } template)
        {
            return await TemplateRenderer.RenderTextAsync(template, invocation.Templates, invocation.CancellationToken)
                .ConfigureAwait(false);
        }

        var value = Environment.GetEnvironmentVariable(source.Environment!);
        return string.IsNullOrEmpty(value)
            ? throw new ActionFailedException($"the environment variable '{source.Environment}' of '{key}' is not set")
            : source.Prefix + value;
    }

    private async Task<HttpContent?> BodyAsync(ActionInvocation invocation)
    {
        var text = definition.Body switch
        {
            null when definition.Method is "POST" or "PUT" or "PATCH" => IssueJson.Document(invocation).ToJsonString(),
            null => null,
            { Text: { } template } => await CheckedTextAsync(template, invocation).ConfigureAwait(false),
            { Json: var json } => (await RenderJsonAsync(json, definition.Body, invocation).ConfigureAwait(false))?.ToJsonString() ?? "null",
        };

        return text is null ? null : new StringContent(text, Encoding.UTF8, MediaTypeHeaderValue.Parse(definition.ContentType));
    }

    private async Task<string> CheckedTextAsync(IssueTemplate template, ActionInvocation invocation)
    {
        var text = await TemplateRenderer.RenderTextAsync(template, invocation.Templates, invocation.CancellationToken)
            .ConfigureAwait(false);
        if (!IsJson(definition.ContentType))
        {
            return text;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return text;
        }
        catch (JsonException exception)
        {
            throw new ActionFailedException($"the 'body' template at {template.Location} rendered text that is not " +
                $"JSON ({exception.Message}); quote values with the json filter, as in {{{{ issue.name | json }}}}");
        }
    }

    private static bool IsJson(string contentType) =>
        contentType.Split(';')[0].Trim() is var media
        && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>A copy of the body's document with each string rendered through its template.</summary>
    private static async Task<JsonNode?> RenderJsonAsync(JsonNode? node, WebhookBody body, ActionInvocation invocation)
    {
        switch (node)
        {
            case JsonObject json:
                var result = new JsonObject();
                foreach (var (name, value) in json)
                {
                    result[name] = await RenderJsonAsync(value, body, invocation).ConfigureAwait(false);
                }

                return result;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    items.Add(await RenderJsonAsync(item, body, invocation).ConfigureAwait(false));
                }

                return items;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String
                && body.Strings.TryGetValue(value.GetValue<string>(), out var template):
                return JsonValue.Create(await TemplateRenderer.RenderTextAsync(template, invocation.Templates,
                    invocation.CancellationToken).ConfigureAwait(false));
            default:
                return node?.DeepClone();
        }
    }

    private static async Task<string> ReadStartAsync(HttpResponseMessage response, CancellationToken token)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
        var buffer = new byte[KeptAnswer];
        var read = 0;
        while (read < buffer.Length
            && await stream.ReadAsync(buffer.AsMemory(read), token).ConfigureAwait(false) is > 0 and var count)
        {
            read += count;
        }

        return Encoding.UTF8.GetString(buffer, 0, read);
    }
}
