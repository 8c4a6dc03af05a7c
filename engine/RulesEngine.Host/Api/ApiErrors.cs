using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RulesEngine.Issues;

namespace RulesEngine.Host.Api;

/// <summary>Every API error has the same shape: <c>{ "error": "what went wrong and what to do" }</c>.</summary>
internal static class ApiErrors
{
    public static IResult Of(int status, string message) => Results.Json(new { error = message }, statusCode: status);

    public static IResult NotFound(long id) => Of(StatusCodes.Status404NotFound, $"There is no issue {id}.");

    /// <summary>Reads a JSON body, turning every way it can be wrong into a 4xx with a message.</summary>
    /// <remarks>
    /// The body is parsed first and bound second, so that the two kinds of mistake get their own message: text that
    /// is not JSON, and JSON whose property has the wrong type. System.Text.Json reports the latter as "could not be
    /// converted to" the request's CLR type, a name that means nothing to the caller.
    /// </remarks>
    public static async Task<(T? Value, IResult? Error)> ReadBodyAsync<T>(HttpRequest request)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Of(StatusCodes.Status415UnsupportedMediaType, "Send the body as JSON, with 'Content-Type: application/json'."));
        }

        byte[] bytes;
        try
        {
            bytes = await ReadAllAsync(request);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var limit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            return (null, Of(StatusCodes.Status413PayloadTooLarge, limit is { } most
                ? string.Create(CultureInfo.InvariantCulture, $"The request body is larger than {most:N0} bytes, the most this sidecar takes (its MaxRequestBodyBytes setting).")
                : $"The request body is too large: {exception.Message}"));
        }

        // System.Text.Json reads bytes that are not UTF-8 inside a string as U+FFFD, which would be stored as if sent.
        if (!Utf8.IsValid(bytes))
        {
            return (null, Of(StatusCodes.Status400BadRequest, "The request body is not valid UTF-8; send JSON text encoded as UTF-8."));
        }

        // The body's object is one level; the details in it may nest as deep as the store keeps. Only details nest.
        if (JsonInput.NestsDeeperThan(bytes, IssueStore.MaxDetailsDepth + 1))
        {
            return (null, Of(StatusCodes.Status400BadRequest, InvalidDetailsException.TooDeepMessage));
        }

        JsonNode? body;
        try
        {
            using (var document = JsonDocument.Parse(bytes))
            {
                if (JsonInput.Problem(document.RootElement, "The request body", ignoreCaseAtTop: true) is { } problem)
                {
                    return (null, Of(StatusCodes.Status400BadRequest, problem));
                }
            }

            body = JsonNode.Parse(bytes);
        }
        catch (JsonException exception)
        {
            return (null, Of(StatusCodes.Status400BadRequest, $"The request body is not valid JSON: {JsonInput.Describe(exception)}"));
        }

        if (body is not JsonObject fields)
        {
            return (null, Of(StatusCodes.Status400BadRequest, body is null
                ? "The request body is empty or null; expected a JSON object."
                : $"The request body is {Describe(body)}; expected a JSON object."));
        }

        if (UnknownProperty<T>(fields) is { } unknown)
        {
            return (null, Of(StatusCodes.Status400BadRequest, unknown));
        }

        try
        {
            var options = new JsonSerializerOptions(SerializerOptions(request)) { PropertyNameCaseInsensitive = false };
            return (WithPropertyNames<T>(fields, options).Deserialize<T>(options), null);
        }
        catch (JsonException exception)
        {
            return (null, Of(StatusCodes.Status400BadRequest, WrongType<T>(fields, exception.Path)));
        }
    }

    // Bodies are small (Kestrel's limit on a body's size applies while it is read), and read whole so they can be
    // checked for UTF-8 before the JSON reader sees them. A byte order mark is dropped, as parsing from the stream did.
    private static async Task<byte[]> ReadAllAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        var bytes = buffer.ToArray();
        return bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes;
    }

    /// <summary>
    /// A top-level key that is none of <typeparamref name="T"/>'s properties, said with the properties it takes: a
    /// misspelled <c>"detials"</c> would otherwise open the issue without its details and without a word, where a rule
    /// file refuses an unknown key.
    /// </summary>
    private static string? UnknownProperty<T>(JsonObject body)
    {
        var names = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(property => JsonNamingPolicy.CamelCase.ConvertName(property.Name)).ToList();
        var unknown = body.Select(pair => pair.Key)
            .FirstOrDefault(key => !names.Contains(key, StringComparer.OrdinalIgnoreCase));
        return unknown is null ? null
            : $"The request body has the property '{unknown}', which this request does not take; it takes {string.Join(", ", names)}.";
    }

    /// <summary>
    /// The body with its top-level keys spelled as <typeparamref name="T"/>'s properties are, whatever their case
    /// (<c>"Name"</c> binds as <c>"name"</c>). Binding is then case-sensitive, so JSON objects inside the body (an issue's
    /// details) keep keys that differ only in case apart, for the store to refuse by name; read case-insensitively,
    /// they would be one key, refused with .NET's "An item with the same key has already been added".
    /// </summary>
    private static JsonObject WithPropertyNames<T>(JsonObject body, JsonSerializerOptions options)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var renamed = new JsonObject();
        foreach (var (key, value) in body)
        {
            var property = properties.FirstOrDefault(candidate => candidate.Name.Equals(key, StringComparison.OrdinalIgnoreCase));
            var name = property is null ? key : options.PropertyNamingPolicy?.ConvertName(property.Name) ?? property.Name;
            renamed[name] = value?.DeepClone();
        }

        return renamed;
    }

    // The options the endpoints bind with, so a body reads here as it would through ReadFromJsonAsync.
    private static JsonSerializerOptions SerializerOptions(HttpRequest request) =>
        request.HttpContext.RequestServices.GetService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()?.Value.SerializerOptions
        ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);

    /// <summary>Which property has the wrong type, what it should be, and what it is, in JSON's words.</summary>
    private static string WrongType<T>(JsonObject body, string? path)
    {
        var name = path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..].Split('.', '[')[0] : null;
        var property = name is null ? null : typeof(T).GetProperty(name,
            BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is null)
        {
            return $"The request body has a value of the wrong type at {path ?? "$"}.";
        }

        var jsonName = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
        var found = body.FirstOrDefault(field => field.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
        return $"'{jsonName}' must be {Expected(property.PropertyType)}; found {Describe(found)}.";
    }

    private static string Expected(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => "a string",
        var t when t == typeof(int) || t == typeof(long) => "a whole number",
        var t when t == typeof(bool) => "true or false",
        _ => "a JSON value of another kind",
    };

    private static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {node.ToJsonString()}",
        JsonValueKind.True or JsonValueKind.False => $"{node.ToJsonString()}",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };
}
