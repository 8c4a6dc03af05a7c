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
        using var browser = Browser(sidecar);

        var response = await PressAsync(browser, $"/issues/{first}", "reopen");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<p class=\"problem\" role=\"alert\">Issue {first} cannot be reopened: issue {second} with the same name", page);
        Assert.Equal("Resolved", (await sidecar.GetJsonAsync($"/api/issues/{first}"))["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/issues/99999", "resolve", "There is no issue 99999", "No issue in this store has that id.")]
    [InlineData("/issues/99999", "wontfix", "There is no issue 99999", "No issue in this store has that id.")]
    [InlineData("/issues/99999", "reopen", "There is no issue 99999", "No issue in this store has that id.")]
    [InlineData("/issues/abc", "resolve", "'abc' is not an issue", "its id, a whole number, as in /issues/42.")]
    public async Task Posting_a_form_for_an_issue_that_does_not_exist_answers_a_404_page_saying_so(
        string path, string button, string title, string explanation)
    {
        await using var sidecar = await SidecarProcess.StartAsync(workspace);
        var id = await OpenAsync(sidecar.Client, "listed");
        using var browser = Browser(sidecar);
        var token = await TokenAsync(browser, $"/issues/{id}");

        // The page of a real issue, its form posted to an address that is none: an issue deleted since, or an edited link.
        var response = await browser.PostAsync(path, StatusForm(token, button));

        var page = await DashboardPage.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.Contains($"<h1>{title}</h1>", page);
        Assert.Contains(explanation, page);
        Assert.Contains("<p><a href=\"/\">All issues</a></p>", page);
        Assert.Equal("Open", (await sidecar.GetJsonAsync($"/api/issues/{id}"))["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task Posting_a_form_without_a_valid_antiforgery_token_answers_a_400_page_saying_why_and_changes_nothing(string? token)
    {
        await using var sidecar = await SidecarProcess.StartAsync(workspace);
        var id = await OpenAsync(sidecar.Client, "listed");
        using var browser = Browser(sidecar);
        await TokenAsync(browser, $"/issues/{id}");
        var form = new Dictionary<string, string> { ["_handler"] = "issue-status", ["change"] = "resolve" };
        if (token is not null)
        {
            form["__RequestVerificationToken"] = token;
        }

        var response = await browser.PostAsync($"/issues/{id}", new FormUrlEncodedContent(form));

        var page = await DashboardPage.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("<h1>This form was refused</h1>", page);
        Assert.Contains($"The form sent to /issues/{id} has no antiforgery token, or one that does not match this browser's cookie", page);
        Assert.Equal("Open", (await sidecar.GetJsonAsync($"/api/issues/{id}"))["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("no-such-form")]
    public async Task Posting_a_form_the_page_does_not_have_answers_a_400_page_saying_so(string? handler)
    {
        await using var sidecar = await SidecarProcess.StartAsync(workspace);
        var id = await OpenAsync(sidecar.Client, "listed");
        using var browser = Browser(sidecar);
        var form = new Dictionary<string, string>
        {
            ["change"] = "resolve",
            ["__RequestVerificationToken"] = await TokenAsync(browser, $"/issues/{id}"),
        };
        if (handler is not null)
        {
            form["_handler"] = handler;
        }

        var response = await browser.PostAsync($"/issues/{id}", new FormUrlEncodedContent(form));

        var page = await DashboardPage.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("<h1>This form was refused</h1>", page);
        Assert.Contains($"What was sent to /issues/{id} is not a form that page shows", page);
        Assert.Equal("Open", (await sidecar.GetJsonAsync($"/api/issues/{id}"))["status"]!.GetValue<string>());
    }

    /// <summary>A client that keeps cookies, as a browser does, so that the antiforgery cookie travels with the form.</summary>
    private static HttpClient Browser(SidecarProcess sidecar) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = sidecar.Client.BaseAddress };

    /// <summary>Reads the page, then posts its status form with the button's value, as pressing the button does.</summary>
    private static async Task<HttpResponseMessage> PressAsync(HttpClient browser, string path, string button) =>
        await browser.PostAsync(path, StatusForm(await TokenAsync(browser, path), button));

    /// <summary>Reads the page at <paramref name="path"/>, setting its antiforgery cookie; returns its form's token.</summary>
    private static async Task<string> TokenAsync(HttpClient browser, string path)
    {
        var token = AntiforgeryField().Match(await browser.GetStringAsync(path)).Groups["token"].Value;
        Assert.NotEmpty(token);
        return token;
    }

    private static FormUrlEncodedContent StatusForm(string token, string button) => new(new Dictionary<string, string>
    {
        ["_handler"] = "issue-status",
        ["change"] = button,
        ["__RequestVerificationToken"] = token,
    });

    private static async Task<long> OpenAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/issues", new { name });
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!["issue"]!["id"]!.GetValue<long>();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
