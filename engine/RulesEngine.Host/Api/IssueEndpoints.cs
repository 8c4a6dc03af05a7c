using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RulesEngine.Issues;
using RulesEngine.Scheduling;

namespace RulesEngine.Host.Api;

/// <summary><c>/api/issues</c>: what the command line's <c>issues</c> offers, over HTTP, for any language.</summary>
internal static class IssueEndpoints
{
    private const int MaxLimit = 1000;
    private const int DefaultLimit = 100;

    /// <summary>The body of <c>POST /api/issues</c>.</summary>
    private sealed record OpenRequest(string? Name, JsonNode? Details, string? Record);

    /// <summary>The optional body of <c>POST /api/issues/{id}/resolve</c>.</summary>
    private sealed record ResolveRequest(string? Resolution);

    public static void Map(IEndpointRouteBuilder app, TokenFilter token)
    {
        var issues = app.MapGroup("/api/issues");
        issues.MapGet("/", List);
        issues.MapGet("/{id:long}", (long id, Engine engine) => engine.Issues.Get(id) is { } issue ? Results.Ok(issue) : ApiErrors.NotFound(id));

        var changes = issues.MapGroup("/").AddEndpointFilter(token);
        changes.MapPost("/", OpenAsync);
        changes.MapPost("/{id:long}/resolve", ResolveAsync);
        changes.MapPost("/{id:long}/wontfix", (long id, Engine engine) => Changed(id, () => engine.Issues.MarkWontFix(id)));
        changes.MapPost("/{id:long}/reopen", (long id, Engine engine) => Changed(id, () => engine.Issues.Reopen(id)));
    }

    // limit and skip are bound as text and read here, so a bad one is refused with the range the endpoint takes, not
    // the range of an int.
    private static IResult List(HttpRequest request, Engine engine, string? status, string? name, string? record, string? limit, string? skip)
    {
        if (QueryInput.Repeated(request.Query) is { } repeated)
        {
            return ApiErrors.Of(StatusCodes.Status400BadRequest, repeated);
        }

        IssueStatus? parsed = null;
        if (status is not null)
        {
            // By name only: Enum.TryParse alone takes "7" for a status.
            if (Enum.GetNames<IssueStatus>().FirstOrDefault(known => known.Equals(status, StringComparison.OrdinalIgnoreCase)) is not { } known)
            {
                return ApiErrors.Of(StatusCodes.Status400BadRequest, QueryInput.NotExpected("status", status, "one of Open, Resolved or WontFix"));
            }

            parsed = Enum.Parse<IssueStatus>(known);
        }

        if (Count(limit, MaxLimit, DefaultLimit) is not { } count)
        {
            return ApiErrors.Of(StatusCodes.Status400BadRequest, QueryInput.NotWholeNumber("limit", limit!, MaxLimit));
        }

        if (Count(skip, int.MaxValue, 0) is not { } skipped)
        {
            return ApiErrors.Of(StatusCodes.Status400BadRequest, QueryInput.NotWholeNumber("skip", skip!, int.MaxValue));
        }

        var query = new IssueQuery { Status = parsed, NamePrefix = name, RecordKey = record, Limit = count, Skip = skipped };
        return Results.Ok(engine.Issues.Find(query));
    }

    /// <summary>
    /// The parameter's value: <paramref name="absent"/> when it is not given or empty, null when it is not a whole
    /// number from 0 to <paramref name="most"/>.
    /// </summary>
    private static int? Count(string? text, int most, int absent) =>
        string.IsNullOrEmpty(text) ? absent : (int?)QueryInput.WholeNumber(text, most);

    private static async Task<IResult> OpenAsync(HttpRequest request, Engine engine, EngineScheduler scheduler)
    {
        var (body, error) = await ApiErrors.ReadBodyAsync<OpenRequest>(request);
        if (error is not null)
        {
            return error;
        }

        // A blank name is the store's to refuse, with the message every other way in gives.
        if (body!.Name is null)
        {
            return ApiErrors.Of(StatusCodes.Status400BadRequest, "'name' is required: the issue's name, which responders match.");
        }

        OpenResult result;
        try
        {
            result = engine.Issues.MaybeOpen(new IssueKey(body.Name, body.Record), body.Details, body.Record is null ? null : "api");
        }
        catch (Exception exception) when (exception is InvalidKeyException or InvalidDetailsException)
        {
            // A name or record key the store cannot keep, or details it cannot: the caller's input. Nothing wider: an
            // ArgumentException from inside LiteDB is the store's failure, not the client's.
            return ApiErrors.Of(StatusCodes.Status400BadRequest, exception.Message);
        }

        if (result.Disposition != OpenDisposition.Created)
        {
            return Results.Ok(result);
        }

        scheduler.RespondSoon();
        return Results.Created($"/api/issues/{result.Issue.Id}", result);
    }

    private static async Task<IResult> ResolveAsync(long id, HttpRequest request, Engine engine)
    {
        var resolution = "resolved through the API";
        if (request.ContentLength > 0)
        {
            var (body, error) = await ApiErrors.ReadBodyAsync<ResolveRequest>(request);
            if (error is not null)
            {
                return error;
            }

            resolution = body!.Resolution ?? resolution;
        }

        return Changed(id, () => engine.Issues.Resolve(id, resolution));
    }

    private static IResult Changed(long id, Issue? issue) => issue is null ? ApiErrors.NotFound(id) : Results.Ok(issue);

    /// <summary>
    /// A change the store may refuse, leaving the issue as it was: another issue with the key is unresolved, or the
    /// issue is won't-fix and only reopening changes it. 409, saying why.
    /// </summary>
    private static IResult Changed(long id, Func<Issue?> change)
    {
        try
        {
            return Changed(id, change());
        }
        catch (IssueChangeRefusedException exception)
        {
            return ApiErrors.Of(StatusCodes.Status409Conflict, exception.Message);
        }
        catch (InvalidResolutionException exception)
        {
            return ApiErrors.Of(StatusCodes.Status400BadRequest, exception.Message);
        }
    }
}
