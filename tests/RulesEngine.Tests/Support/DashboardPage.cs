using System.Net;

namespace RulesEngine.Tests.Support;

/// <summary>A dashboard answer read as a person reads it: a whole page in the dashboard's layout, and its text.</summary>
public static class DashboardPage
{
    /// <summary>
    /// Checks that the answer has <paramref name="status"/> and is a page of the dashboard's own, not an empty body or
    /// the framework's text, and returns its HTML with character references decoded (<c>&amp;#x27;</c> as <c>'</c>).
    /// </summary>
    public static async Task<string> ReadAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<a class=\"brand\" href=\"/\">Rules engine</a>", html);
        Assert.Contains("· rules engine</title>", html);
        return WebUtility.HtmlDecode(html);
    }
}
