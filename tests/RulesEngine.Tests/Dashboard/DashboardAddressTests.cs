using System.Net;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Dashboard;

/// <summary>Dashboard addresses that lead nowhere, or to nothing, say so on a page with a way back.</summary>
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
