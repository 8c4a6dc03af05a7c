using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Api;

/// <summary><c>/api/heartbeats</c> refusing names an issue could not have, through the real sidecar.</summary>
public sealed class HeartbeatEndpointsTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task A_blank_control_character_or_over_long_heartbeat_name_is_a_400_and_records_nothing()
    {
        await using var sidecar = await SidecarProcess.StartAsync(workspace);
        var client = sidecar.Client;
        var longName = new string('b', 1100);

        var blank = await client.PostAsync("/api/heartbeats/%20", null);
        var tab = await client.PostAsync("/api/heartbeats/billing%09job", null);
        var tooLong = await client.PostAsync($"/api/heartbeats/{longName}", null);
        var readLong = await client.GetAsync($"/api/heartbeats/{longName}");

        Assert.Equal("The heartbeat name is only white space; a name needs some text.",
            await IssueEndpointsTests.ErrorAsync(blank, HttpStatusCode.BadRequest));
        Assert.Equal("The heartbeat name 'billing\\tjob' holds a control character (a tab or a line break, say) at " +
            "position 8; a name is one line of text.", await IssueEndpointsTests.ErrorAsync(tab, HttpStatusCode.BadRequest));
        Assert.EndsWith("is 1,100 bytes long in UTF-8; a name is at most 256 bytes, so that the issue store can index it.",
            await IssueEndpointsTests.ErrorAsync(tooLong, HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.NotFound, readLong.StatusCode);
        Assert.Empty((await sidecar.GetJsonAsync("/api/heartbeats")).AsArray());
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/heartbeats/billing", null)).StatusCode);
    }

    [Fact]
    public async Task A_slash_encoded_in_the_name_is_decoded_once_so_the_api_and_the_cli_record_the_same_name()
    {
        await using var sidecar = await SidecarProcess.StartAsync(workspace);
        var client = sidecar.Client;

        var slash = await client.PostAsync("/api/heartbeats/a%2Fb", null);
        var climbing = await client.PostAsync("/api/heartbeats/..%2F..%2Fetc", null);
        var escapedPercent = await client.PostAsync("/api/heartbeats/x%252Fy", null);
        var read = await sidecar.GetJsonAsync("/api/heartbeats/a%2Fb");
        var readPercent = await sidecar.GetJsonAsync("/api/heartbeats/x%252Fy");
        var utf8 = await client.PostAsync("/api/heartbeats/caf%C3%A9", null);
        var latin1 = await client.PostAsync("/api/heartbeats/caf%E9", null);
        var readLatin1 = await client.GetAsync("/api/heartbeats/caf%E9");
        var all = await sidecar.GetJsonAsync("/api/heartbeats");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (slash.StatusCode, climbing.StatusCode, escapedPercent.StatusCode));
        Assert.Equal(HttpStatusCode.OK, utf8.StatusCode);
        const string NotUtf8 = "The heartbeat name in the path is not percent-encoded UTF-8: each '%' must begin an escape of two hex digits, and the escaped bytes must be UTF-8.";
        foreach (var malformed in new[] { "%", "x%2", "%G1" })
        {
            // Sent as written: HttpClient would escape a '%' that begins no escape.
            var refused = await RawPostAsync(client.BaseAddress!, $"/api/heartbeats/{malformed}");
            Assert.StartsWith("HTTP/1.1 400 ", refused);
            Assert.Contains(NotUtf8, refused);
        }

        Assert.Equal((HttpStatusCode.BadRequest, NotUtf8), (latin1.StatusCode, (await latin1.Content.ReadFromJsonAsync<JsonNode>())!["error"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.BadRequest, readLatin1.StatusCode);
        Assert.Equal("a/b", read["name"]!.GetValue<string>());
        Assert.Equal("x%2Fy", readPercent["name"]!.GetValue<string>());
        Assert.Equal(["../../etc", "a/b", "café", "x%2Fy"], all.AsArray().Select(beat => beat!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    /// <summary>A POST with an empty body whose request target goes on the wire exactly as given; the whole response.</summary>
    private static async Task<string> RawPostAsync(Uri server, string target)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(
            $"POST {target} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
        return await new StreamReader(stream).ReadToEndAsync();
    }
}
