using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RulesEngine.Host.Api;

/// <summary>
/// Gives every error answered under <c>/api/</c> and <c>/-/</c> the API's shape, <c>{"error": "..."}</c>, including
/// those no endpoint writes: a parameter that does not bind gets 400 naming it and its value (endpoints whose
/// parameters have a narrower range than their type, such as <c>limit</c>, read them themselves), a path nothing
/// answers 404, a wrong method 405 naming the allowed ones, and an unexpected failure 500 with its message.
/// The dashboard's pages and the health endpoints are left as they are.
/// </summary>
internal static partial class ApiErrorPages
{
    /// <summary>Makes parameter binding failures throw, so their reason reaches the client rather than a bare 400.</summary>
    public static void Add(IServiceCollection services) =>
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

    /// <summary>Adds the middleware; call it before mapping the endpoints.</summary>
    public static void Use(WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiErrorPages).FullName!);
        app.Use(async (context, next) =>
        {
            if (!IsApi(context.Request.Path))
            {
                await next(context);
                return;
            }

            try
            {
                await next(context);
            }
            catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
            {
                await WriteAsync(context, exception.StatusCode, BadRequest(exception));
                return;
            }
            catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                log.LogError(EngineEvents.RequestFailed, exception, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
                await WriteAsync(context, StatusCodes.Status500InternalServerError,
                    $"The engine failed to answer {Describe(context.Request)}: {exception.Message} ({exception.GetType().Name}); the sidecar's log has the details.");
                return;
            }

            if (HasNoBody(context.Response))
            {
                await WriteAsync(context, context.Response.StatusCode, Explain(context));
            }
        });
    }

    /// <summary>True for the API's paths, under <c>/api/</c> and <c>/-/</c>, whose errors are written here.</summary>
    public static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/-");

    // The test status-code pages use: an error status, and nothing written or promised yet.
    private static bool HasNoBody(HttpResponse response) =>
        response.StatusCode >= 400
        && !response.HasStarted
        && response.ContentLength is null
        && string.IsNullOrEmpty(response.ContentType);

    private static Task WriteAsync(HttpContext context, int status, string message) =>
        ApiErrors.Of(status, message).ExecuteAsync(context);

    private static string Explain(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound => $"Nothing answers {Describe(context.Request)}: {UnknownPath(context.Request.Path)}",
        StatusCodes.Status405MethodNotAllowed => $"{Describe(context.Request)} is not allowed: use {context.Response.Headers.Allow}.",
        var status => $"{Describe(context.Request)} answered {status} {ReasonPhrases.GetReasonPhrase(status)}.",
    };

    /// <summary>
    /// Why nothing answers: the path is unknown, and under <c>/api/issues/</c> what the paths there look like, for the
    /// mistakes made there: an id that is not a number or is out of range, and a change that does not exist.
    /// </summary>
    private static string UnknownPath(PathString path)
    {
        var segments = path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is not ["api", "issues", var id, ..])
        {
            return "the path is unknown.";
        }

        if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return $"the path is unknown. An issue's changes are POST /api/issues/{id}/resolve, /wontfix and /reopen.";
        }

        // Digits too many for the route's long: a whole number all the same, only out of range.
        return id.All(char.IsAsciiDigit)
            ? string.Create(CultureInfo.InvariantCulture, $"there is no issue {id}, as issue ids are at most {long.MaxValue}.")
            : "the path is unknown. An issue's id is a whole number, as in /api/issues/42.";
    }

    /// <summary>
    /// ASP.NET Core's messages name the parameter by its C# type, such as <c>Failed to bind parameter "int? count" from
    /// "abc".</c>; the usual one is said in the words of the query string. Others are passed on as they are.
    /// </summary>
    private static string BadRequest(BadHttpRequestException exception)
    {
        var match = BindingFailure().Match(exception.Message);
        if (!match.Success)
        {
            return exception.Message;
        }

        var (name, value) = (match.Groups["name"].Value, match.Groups["value"].Value);
        var expected = Underlying(match.Groups["type"].Value) switch
        {
            "int" => string.Create(CultureInfo.InvariantCulture, $"a whole number from {int.MinValue} to {int.MaxValue}"),
            "long" => string.Create(CultureInfo.InvariantCulture, $"a whole number from {long.MinValue} to {long.MaxValue}"),
            "bool" => "true or false",
            var type => $"a value of type {type}",
        };
        return QueryInput.NotExpected(name, value, expected);
    }

    // The type as ASP.NET Core writes it: "int", "int?" or "Nullable<int>".
    private static string Underlying(string type) => type.StartsWith("Nullable<", StringComparison.Ordinal)
        ? type["Nullable<".Length..^1]
        : type.TrimEnd('?');

    private static string Describe(HttpRequest request) => $"{request.Method} {request.Path}";

    [GeneratedRegex("""^Failed to bind parameter "(?<type>\S+) (?<name>\S+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindingFailure();
}
