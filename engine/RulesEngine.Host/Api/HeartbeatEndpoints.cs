using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RulesEngine.Issues;

namespace RulesEngine.Host.Api;

/// <summary>
/// <c>/api/heartbeats</c>: an application beats with <c>POST /api/heartbeats/{name}</c>; a check asks
/// <c>Heartbeats.Age("name")</c>. The name in the path is percent-decoded once, so <c>a%2Fb</c> is the name
/// <c>a/b</c>, as <c>rules-engine heartbeat a/b</c> records it.
/// </summary>
internal static class HeartbeatEndpoints
{
    public static void Map(IEndpointRouteBuilder app, TokenFilter token)
    {
        var heartbeats = app.MapGroup("/api/heartbeats");
        heartbeats.MapGet("/", (Engine engine) => Results.Ok(engine.Issues.Heartbeats()));
        heartbeats.MapGet("/{name}", Read);
        heartbeats.MapPost("/{name}", Record).AddEndpointFilter(token);
    }

    private static IResult Read(string name, Engine engine, HttpContext context)
    {
        if (PathSegment.Decoded(context, name) is not { } decoded)
        {
            return PathSegment.NotPercentEncodedUtf8("heartbeat name");
        }

        name = decoded;
        return engine.Issues.LastHeartbeat(name) is { } beat
            ? Results.Ok(beat)
            : ApiErrors.Of(StatusCodes.Status404NotFound, $"No heartbeat was ever recorded under '{name}'.");
    }

    private static IResult Record(string name, Engine engine, HttpContext context)
    {
        if (PathSegment.Decoded(context, name) is not { } decoded)
        {
            return PathSegment.NotPercentEncodedUtf8("heartbeat name");
        }

        name = decoded;
        try
        {
            return Results.Ok(engine.Issues.RecordHeartbeat(name));
        }
        catch (InvalidKeyException exception)
        {
            return ApiErrors.Of(StatusCodes.Status400BadRequest, exception.Message);
        }
    }
}
