using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RulesEngine.Tests.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1 and a free port, answering <c>/records</c> with whatever the test sets in
/// <see cref="Answer"/>, and keeping the headers of the last request.
/// </summary>
public sealed class TestHttpServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestHttpServer(WebApplication app) => this.app = app;

    /// <summary>The status and body of the next answers; a delay holds the body back.</summary>
    public (int Status, string Body, TimeSpan Delay) Answer { get; set; } = (200, "[]", TimeSpan.Zero);

    public IReadOnlyDictionary<string, string> LastRequestHeaders { get; private set; } = new Dictionary<string, string>();

    public Uri BaseAddress { get; private set; } = null!;

    public Uri Records => new(BaseAddress, "records");

    public static async Task<TestHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new TestHttpServer(app);
        app.MapGet("/records", server.AnswerAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseAddress = new Uri(address + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        // Kestrel reuses a request's header collection once the request is over: keep a copy.
        LastRequestHeaders = context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var (status, body, delay) = Answer;
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body[..(body.Length / 2)]);
        await context.Response.Body.FlushAsync();
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, context.RequestAborted).ContinueWith(_ => { });
        }

        if (!context.RequestAborted.IsCancellationRequested)
        {
            await context.Response.WriteAsync(body[(body.Length / 2)..]);
        }
    }
}
