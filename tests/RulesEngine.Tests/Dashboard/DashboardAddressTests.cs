using System.Net;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Dashboard;

/// <summary>
/// Dashboard addresses that lead nowhere, or to nothing, or carry values the page cannot use, say so on a page with a
/// way back; the addresses that are not pages answer as before.
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
    [InlineData("/?before=abc", "The parameter 'before' is 'abc', which is not a whole number from 0 to 9223372036854775807.")]
    [InlineData("/?before=-1", "The parameter 'before' is '-1', which is not a whole number from 0 to 9223372036854775807.")]
    [InlineData("/?before=99999999999999999999", "The parameter 'before' is '99999999999999999999', which is not a whole number from 0 to 9223372036854775807.")]
    [InlineData("/?status=all&after=1.5", "The parameter 'after' is '1.5', which is not a whole number from 0 to 9223372036854775807.")]
    [InlineData("/?after=2&before=%20", "The parameter 'before' is ' ', which is not a whole number from 0 to 9223372036854775807.")]
    [InlineData("/?after=1&before=3", "The parameters 'before' and 'after' cannot be given together: a page holds the issues older than an id, or those newer.")]
    [InlineData("/?status=bogus", "The parameter 'status' is 'bogus', which is not one of Open, Resolved, WontFix or all.")]
    [InlineData("/?status=Open&status=Resolved", "The parameter 'status' is given 2 times; give it once.")]
    [InlineData("/?status=1&rule=export", "The parameter 'status' is '1', which is not one of Open, Resolved, WontFix or all.")]
    public async Task A_query_value_the_issues_page_cannot_use_is_a_400_page_naming_the_parameter_rather_than_issues(string path, string problem)
    {
        await sidecar.Client.PostAsync("/api/issues", new StringContent("""{"name": "listed"}""", System.Text.Encoding.UTF8, "application/json"));

        using var response = await sidecar.Client.GetAsync(path);

        var page = await DashboardPage.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains($"<p class=\"problem\" role=\"alert\">{problem}</p>", page);
        Assert.DoesNotContain("listed", page);
        Assert.DoesNotContain("unhandled exception", sidecar.Output);
    }

    [Theory]
    [InlineData("/?before=&after=", "No open issues.")]
    [InlineData("/?status=ALL&before=2", "<a href=\"/issues/1\">listed</a>")]
    [InlineData("/?status=resolved&rule=&name=", "<a href=\"/issues/1\">listed</a>")]
    public async Task Query_values_the_issues_page_can_use_show_issues(string path, string shown)
    {
        await sidecar.Client.PostAsync("/api/issues", new StringContent("""{"name": "listed"}""", System.Text.Encoding.UTF8, "application/json"));
        await sidecar.Client.PostAsync("/api/issues/1/resolve", null);

        using var response = await sidecar.Client.GetAsync(path);

        var page = await DashboardPage.ReadAsync(response, HttpStatusCode.OK);
        Assert.Contains(shown, page);
        Assert.DoesNotContain("class=\"problem\"", page);
    }
}
