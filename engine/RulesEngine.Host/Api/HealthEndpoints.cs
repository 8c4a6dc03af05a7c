using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prometheus;
using RulesEngine.Host.Sidecar;
using RulesEngine.Issues;
using RulesEngine.Loading;

namespace RulesEngine.Host.Api;

/// <summary><c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>, for orchestrators and Prometheus.</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok\n"));

        app.MapGet("/readyz", (Engine engine, RulesReloader reloader) =>
        {
            if (reloader.Last is null)
            {
                return Results.Text("not ready: the rules are not loaded yet\n", statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            // Files that all failed leave nothing running: not ready. An empty rules folder is a choice, and ready.
            if (reloader.Last is { Rules: 0, Errors.Count: > 0 } failed)
            {
                var files = failed.Errors.Select(error => error.Location.File).Distinct().Count();
                return Results.Text($"not ready: no rules loaded: {files} {(files == 1 ? "file" : "files")} failed to load; " +
                    "see /api/rules for the errors\n", statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            // Counting reads only index keys: damage a request met in the data pages would go unseen.
            if (engine.Issues.DamageFound is { } damage)
            {
                return Results.Text($"not ready: the issue store is not usable: {damage.Message}\n", statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            try
            {
                engine.Issues.Count(IssueStatus.Open);
                return Results.Text("ready\n");
            }
            catch (Exception exception)
            {
                // Whatever the store throws (LiteDB's own exceptions for a file damaged while in use, among them) means
                // not ready: a probe must get its answer, never a 500.
                return Results.Text($"not ready: the issue store is not usable: {exception.Message}\n", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });

        app.MapGet("/metrics", async (HttpContext context, EngineMetrics metrics) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await metrics.Registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted);
        });
    }
}
