using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Dashboard;

/// <summary>An issue's page posting its buttons' form as a browser does: the page's antiforgery token and cookie.</summary>
public sealed partial class IssuePageTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task Reopen_while_a_newer_issue_has_the_key_shows_why_on_the_page_with_a_409()
    {
        await using var sidecar = await SidecarProcess.StartAsync(workspace);
        var first = await OpenAsync(sidecar.Client, "twin");
        await sidecar.Client.PostAsync($"/api/issues/{first}/resolve", null);
        var second = await OpenAsync(sidecar.Client, "twin");
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() })
        {
            BaseAddress = sidecar.Client.BaseAddress,
        };

        var response = await PressAsync(browser, $"/issues/{first}", "reopen");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<p class=\"problem\" role=\"alert\">Issue {first} cannot be reopened: issue {second} with the same name", page);
        Assert.Equal("Resolved", (await sidecar.GetJsonAsync($"/api/issues/{first}"))["status"]!.GetValue<string>());
    }

    /// <summary>Reads the page, then posts its status form with the button's value, as pressing the button does.</summary>
    private static async Task<HttpResponseMessage> PressAsync(HttpClient browser, string path, string button)
    {
        var form = await browser.GetStringAsync(path);
        var token = AntiforgeryField().Match(form).Groups["token"].Value;
        Assert.NotEmpty(token);

        return await browser.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "issue-status",
            ["change"] = button,
            ["__RequestVerificationToken"] = token,
        }));
    }

    private static async Task<long> OpenAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/issues", new { name });
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!["issue"]!["id"]!.GetValue<long>();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
