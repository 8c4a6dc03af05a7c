using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Api;

/// <summary><c>/api/issues</c> refusing what would break the store's rules, through the real sidecar.</summary>
public sealed class IssueEndpointsTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task Reopening_or_marking_wont_fix_while_a_newer_issue_has_the_key_is_a_409_naming_it()
    {
        await using var sidecar = await SidecarProcess.StartAsync(workspace);
        var client = sidecar.Client;
        var first = await OpenAsync(client, "twin");
        await client.PostAsync($"/api/issues/{first}/resolve", null);
        var second = await OpenAsync(client, "twin");

        var reopen = await client.PostAsync($"/api/issues/{first}/reopen", null);
        var wontFix = await client.PostAsync($"/api/issues/{first}/wontfix", null);

        Assert.Equal(HttpStatusCode.Conflict, reopen.StatusCode);
        Assert.Equal($"Issue {first} cannot be reopened: issue {second} with the same name 'twin' is already open, " +
            $"and a key has at most one unresolved issue. Work on issue {second} instead, or resolve it first.",
            (await reopen.Content.ReadFromJsonAsync<JsonNode>())!["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, wontFix.StatusCode);
        Assert.StartsWith($"Issue {first} cannot be marked won't-fix: issue {second}",
            (await wontFix.Content.ReadFromJsonAsync<JsonNode>())!["error"]!.GetValue<string>());
        var open = Assert.Single(await sidecar.IssuesAsync("status=Open"));
        Assert.Equal(second, open!["id"]!.GetValue<long>());
        Assert.Equal("Resolved", (await sidecar.GetJsonAsync($"/api/issues/{first}"))["status"]!.GetValue<string>());
    }

    private static async Task<long> OpenAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/issues", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!["issue"]!["id"]!.GetValue<long>();
    }
}
