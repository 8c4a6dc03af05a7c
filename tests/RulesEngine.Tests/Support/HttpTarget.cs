using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RulesEngine.Tests.Support;

/// <summary>
/// A real HTTP server (Kestrel on 127.0.0.1, a free port) for webhook actions to call. <c>/ok</c> answers 200,
/// <c>/fail</c> 500, <c>/slow</c> never (until the caller gives up), <c>/together/{n}</c> holds each request until
/// n requests wait at once. Every request is recorded with its method, path, headers and body.
/// </summary>
public sealed class HttpTarget : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<int, TaskCompletionSource> groups = new();
    private int waiting;

    private HttpTarget(WebApplication app) => this.app = app;

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public static async Task<HttpTarget> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var target = new HttpTarget(builder.Build());
        target.Map();
        await target.app.StartAsync();
        var addresses = target.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        target.BaseUrl = addresses.Addresses.Single();
        return target;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private void Map()
    {
        app.Map("/ok", async context =>
        {
            await Record(context);
            await context.Response.WriteAsync("received");
        });
        app.Map("/fail", async context =>
        {
            await Record(context);
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("the receiver is broken");
        });
        app.Map("/slow", async context =>
        {
            await Record(context);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        app.Map("/together/{count:int}", async (HttpContext context, int count) =>
        {
            await Record(context);
            var group = groups.GetOrAdd(count, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            if (Interlocked.Increment(ref waiting) >= count)
            {
                group.TrySetResult();
            }

            await group.Task.WaitAsync(TimeSpan.FromSeconds(20), context.RequestAborted);
            await context.Response.WriteAsync("together");
        });
    }

    private async Task Record(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(),
            StringComparer.OrdinalIgnoreCase);
        Requests.Enqueue(new ReceivedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString,
            headers, body));
    }
}
