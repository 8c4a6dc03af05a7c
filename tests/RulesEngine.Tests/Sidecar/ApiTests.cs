using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Sidecar;

/// <summary>The sidecar's HTTP API, through the real process.</summary>
public sealed class ApiTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task Issues_can_be_opened_listed_shown_resolved_marked_wontfix_and_reopened()
    {
        await using var sidecar = await SidecarProcess.StartAsync(workspace);
        var client = sidecar.Client;

        var created = await client.PostAsJsonAsync("/api/issues", new { name = "export failed", details = new { rows = 0 }, record = "batch-7" });
        var again = await client.PostAsJsonAsync("/api/issues", new { name = "export failed", details = new { rows = 1 }, record = "batch-7" });
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>())!["issue"]!["id"]!.GetValue<long>();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, (await sidecar.GetJsonAsync($"/api/issues/{id}"))["details"]!["rows"]!.GetValue<int>());
        Assert.Single(await sidecar.IssuesAsync("record=batch-7&name=export"));
        Assert.Equal("Resolved", await Status(client, $"/api/issues/{id}/resolve"));
        Assert.Equal("Open", await Status(client, $"/api/issues/{id}/reopen"));
        Assert.Equal("WontFix", await Status(client, $"/api/issues/{id}/wontfix"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/issues/999/resolve", null)).StatusCode);
    }

    [Fact]
    public async Task Malformed_or_oversized_bodies_get_a_4xx_with_a_message_and_the_sidecar_keeps_serving()
    {
        await using var sidecar = await SidecarProcess.StartAsync(workspace);
        var client = sidecar.Client;

        var malformed = await client.PostAsync("/api/issues", new StringContent("{\"name\": ", Encoding.UTF8, "application/json"));
        var noName = await client.PostAsync("/api/issues", new StringContent("{\"details\": 1}", Encoding.UTF8, "application/json"));
        var notJson = await client.PostAsync("/api/issues", new StringContent("name=x", Encoding.UTF8, "text/plain"));
        var huge = await client.SendAsync(Oversized("/api/issues", 2_000_000));
        var badStatus = await client.GetAsync("/api/issues?status=Sleeping");

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("not valid JSON", await malformed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Contains("'name' is required", await noName.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("The request body is larger than 1,048,576 bytes, the most this sidecar takes (its MaxRequestBodyBytes setting).",
            await huge.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Empty(await sidecar.IssuesAsync());
    }

    /// <summary>
    /// A body over the limit, sent as clients send large bodies: with <c>Expect: 100-continue</c>, so that the body
    /// follows only once the server agrees to read it. Sent without, the server's 413 can close the connection while
    /// the client is still writing, and the client sees a broken pipe instead of the answer.
    /// </summary>
    private static HttpRequestMessage Oversized(string path, int length)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent($"{{\"name\": \"{new string('x', length)}\"}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;
        return request;
    }

    [Fact]
    public async Task With_a_token_configured_state_changes_need_it_and_reads_do_not()
    {
        await using var sidecar = await SidecarProcess.StartAsync(workspace, "--token", "s3cret");
        var client = sidecar.Client;

        var anonymous = await client.PostAsJsonAsync("/api/issues", new { name = "x" });
        var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/issues") { Content = JsonContent.Create(new { name = "x" }) };
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "guess");
        var right = new HttpRequestMessage(HttpMethod.Post, "/api/issues") { Content = JsonContent.Create(new { name = "x" }) };
        right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(right)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/-/reload", null)).StatusCode);
        Assert.Single(await sidecar.IssuesAsync());
    }

    [Fact]
    public async Task Binding_to_a_non_loopback_address_without_a_token_is_refused_at_start()
    {
        var result = await EngineProcess.RunAsync(workspace.Root, "run", "--urls", "http://0.0.0.0:0", "--rules", workspace.RulesDirectory);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a loopback address", result.Stderr);
        Assert.Contains("Token", result.Stderr);
    }

    [Fact]
    public async Task A_heartbeat_posted_over_http_is_what_a_check_measures()
    {
        workspace.WriteRules("beat.yaml", """
            assertions:
              - name: billing silent
                schedule: "* * * * * *"
                check: |
                  var age = Heartbeats.Age("billing");
                  return (age is { } a && a < TimeSpan.FromMinutes(30), new { age_seconds = age?.TotalSeconds });
            """);
        await using var sidecar = await SidecarProcess.StartAsync(workspace);
        await sidecar.WaitUntilAsync(async () => (await sidecar.IssuesAsync("status=Open")).Count == 1, TimeSpan.FromSeconds(10), "the silent issue");

        var beat = await sidecar.Client.PostAsync("/api/heartbeats/billing", null);

        Assert.Equal(HttpStatusCode.OK, beat.StatusCode);
        await sidecar.WaitUntilAsync(async () => (await sidecar.IssuesAsync("status=Resolved")).Count == 1, TimeSpan.FromSeconds(5), "the resolution");
        Assert.Equal("billing", (await sidecar.GetJsonAsync("/api/heartbeats/billing"))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reload_answers_with_its_result_and_metrics_count_checks_and_reloads()
    {
        workspace.WriteRules("a.yaml", "assertions: [ { name: failing, schedule: '* * * * * *', check: 'false' } ]");
        await using var sidecar = await SidecarProcess.StartAsync(workspace);
        await sidecar.WaitUntilAsync(async () => (await sidecar.IssuesAsync("status=Open")).Count == 1, TimeSpan.FromSeconds(10), "the issue");

        workspace.WriteRules("b.yaml", "assertions: [ { name: broken, check: 'nope(' } ]");
        var reload = await sidecar.Client.PostAsync("/-/reload", null);
        var result = await reload.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>();
        var metrics = await sidecar.Client.GetStringAsync("/metrics");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reload.StatusCode);
        Assert.False(result!["success"]!.GetValue<bool>());
        Assert.Equal("broken", result["errors"]![0]!["rule"]!.GetValue<string>());
        Assert.Matches("rules_engine_checks_total\\{rule=\"failing\",outcome=\"failed\"\\} [1-9]", metrics);
        Assert.Contains("rules_engine_open_issues 1", metrics);
        Assert.Contains("rules_engine_reloads_total{result=\"success\"} 1", metrics);
        Assert.Contains("rules_engine_check_duration_seconds_bucket{rule=\"failing\"", metrics);
    }

    [Fact]
    public async Task With_json_log_format_every_log_line_is_a_json_object()
    {
        workspace.WriteRules("a.yaml", "assertions: [ { name: failing, schedule: '* * * * * *', check: 'false' } ]");
        await using var sidecar = await SidecarProcess.StartAsync(workspace, "--log-format", "json");
        await sidecar.WaitUntilAsync(async () => (await sidecar.IssuesAsync("status=Open")).Count == 1, TimeSpan.FromSeconds(10), "the issue");
        await Task.Delay(500);

        var lines = sidecar.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => System.Text.Json.JsonDocument.Parse(line).Dispose());
        Assert.Contains(lines, line => line.Contains("\"EventId\":210") && line.Contains("failing"));
    }

    private static async Task<string> Status(HttpClient client, string path)
    {
        var response = await client.PostAsync(path, null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>())!["status"]!.GetValue<string>();
    }
}
