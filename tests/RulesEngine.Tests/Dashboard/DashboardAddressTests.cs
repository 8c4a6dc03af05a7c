using System.Net;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Dashboard;

/// <summary>
/// Dashboard addresses that lead nowhere, or to nothing, say so on a page with a way back; the addresses that are not
/// pages answer as before.
/// </summary>
public sealed class DashboardAddressTests : IAsyncLifetime
{
    private readonly Workspace workspace = new();
    private SidecarProcess sidecar = null!;

    public async Task InitializeAsync() => sidecar = await SidecarProcess.StartAsync(workspace);

    public async Task DisposeAsync()
    {
        await sidecar.DisposeAsync();
        workspace.Dispose();
    }

    [Theory]
    [InlineData("/issues/abc", "<h1>&#x27;abc&#x27; is not an issue</h1>", "its id, a whole number, as in /issues/42.")]
    [InlineData("/issues/99999", "<h1>There is no issue 99999</h1>", "No issue in this store has that id.")]
    [InlineData("/issues/99999999999999999999", "&#x27;99999999999999999999&#x27; is not an issue</h1>", "as in /issues/42.")]
    public async Task An_issue_address_that_leads_nowhere_is_a_404_page_saying_why_with_a_link_back(string path, string title, string explanation)
    {
        using var response = await sidecar.Client.GetAsync(path);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(title, page);
        Assert.Contains(explanation, page);
        Assert.Contains("<p><a href=\"/\">All issues</a></p>", page);
    }

    [Fact]
    public async Task An_empty_page_reached_by_paging_offers_the_newest_page()
    {
        using var response = await sidecar.Client.GetAsync("/?status=all&before=1");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("No issues.", page);
        Assert.Contains("<nav class=\"pager\" aria-label=\"Pages\"><a href=\"/?status=all\">Newest</a></nav>", page);
    }

    [Theory]
    [InlineData("GET", "/nothing/here")]
    [InlineData("GET", "/issues/1/extra")]
    [InlineData("GET", "/not-found")]
    [InlineData("GET", "/error/400")]
    [InlineData("GET", "/dashboard.css/more")]
    [InlineData("POST", "/nothing/here")]
    public async Task An_address_no_page_has_is_a_404_page_saying_so_with_a_link_back(string method, string path)
    {
        using var response = await sidecar.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var page = await DashboardPage.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("<h1>There is nothing here</h1>", page);
        Assert.Contains($"<p>Nothing on this dashboard is at {path}.</p>", page);
        Assert.Contains("<p><a href=\"/\">All issues</a></p>", page);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("HEAD")]
    public async Task A_method_no_page_takes_still_gets_a_404_for_an_address_no_page_has(string method)
    {
        // Not run again for the not-found page, which, as every page, takes only GET and POST and would answer 405.
        using var response = await sidecar.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/nothing/here"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/metrics")]
    public async Task Posting_to_an_address_that_takes_only_gets_is_a_405_page_saying_so(string path)
    {
        using var response = await sidecar.Client.PostAsync(path, null);

        var page = await DashboardPage.ReadAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Contains("<h1>Method Not Allowed</h1>", page);
        Assert.Contains($"<p>{path} takes GET only.</p>", page);
    }

    [Theory]
    [InlineData("/healthz", "text/plain")]
    [InlineData("/readyz", "text/plain")]
    [InlineData("/metrics", "text/plain")]
    [InlineData("/dashboard.css", "text/css")]
    [InlineData("/api/issues", "application/json")]
    public async Task The_addresses_that_are_not_pages_answer_as_they_did(string path, string type)
    {
        using var response = await sidecar.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("1")]
    public async Task An_unknown_status_is_a_400_page_naming_it_rather_than_every_issue(string status)
    {
        await sidecar.Client.PostAsync("/api/issues", new StringContent("""{"name": "listed"}""", System.Text.Encoding.UTF8, "application/json"));

        using var response = await sidecar.Client.GetAsync($"/?status={status}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"There is no status &#x27;{status}&#x27;: the statuses are Open, Resolved and WontFix", page);
        Assert.DoesNotContain("listed", page);
    }
}
