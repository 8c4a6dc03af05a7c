using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RulesEngine.Loading;
using RulesEngine.Scheduling;

namespace RulesEngine.Host.Api;

/// <summary><c>/api/rules</c> (each rule's health and the last reload) and <c>POST /-/reload</c>.</summary>
internal static class RuleEndpoints
{
    public static void Map(IEndpointRouteBuilder app, TokenFilter token)
    {
        app.MapGet("/api/rules", (Engine engine, EngineScheduler scheduler, RulesReloader reloader) => Results.Ok(new
        {
            reload = reloader.Last,
            rules = scheduler.Status(),
            responders = engine.Rules.Responders.Select(responder => new
            {
                name = responder.Name,
                file = responder.File.Path,
                watch = responder.Definition.Watch,
                actions = responder.Actions.Select(action => new { key = action.Key, delay = action.Definition.Delay }),
            }),
            lastRespond = scheduler.LastRespond is { } respond
                ? new { respond.OpenIssues, respond.Succeeded, respond.Failed }
                : null,
        }));

        app.MapPost("/-/reload", (RulesReloader reloader) =>
        {
            var result = reloader.Reload("API");
            return Results.Json(result, statusCode: result.Success ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
        }).AddEndpointFilter(token);
    }
}
