using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using RulesEngine.BrowserTests.Support;
using RulesEngine.Tests.Support;

namespace RulesEngine.BrowserTests.Dashboard;

/// <summary>
/// The dashboard in a real browser, served by the real sidecar over a temp rules folder. Each page is saved under
/// <c>screenshots/</c> in the test output folder.
/// </summary>
public sealed class DashboardTests : IDisposable
{
    private const string FailingRule = """
        assertions:
          - name: export stalled
            schedule: "0 0 1 1 *"
            check: |
              return (false, new { rows = 0, reason = "no rows since midnight" });
        responders:
          - name: ops
            watch: "export stalled"
            actions:
              - name: page the on-call
                run: |
                  return new { paged = "on-call" };
              - name: open a ticket
                run: |
                  if (Issue.Id > 0)
                      throw new InvalidOperationException("the ticket system is down");
                  return null;
        """;

    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task A_failing_rules_issue_is_listed_shows_its_action_timeline_and_resolves_from_its_page()
    {
        workspace.WriteRules("export.yaml", FailingRule);
        await using var sidecar = await SidecarProcess.StartAsync(workspace);
        var id = await WaitForIssueWithCompletedActionsAsync(sidecar, "export stalled", actions: 2);
        await using var browser = await HeadlessChromium.LaunchAsync(sidecar.Client.BaseAddress!, javaScript: false);
        var page = browser.Page;

        await page.GotoAsync("/");
        var row = page.Locator("table.issues tr", new() { HasText = "export stalled" });
        await Assertions.Expect(row).ToContainTextAsync("2 ran, 1 failed");
        await browser.ScreenshotAsync("issues");

        await row.GetByRole(AriaRole.Link, new() { Name = "export stalled" }).ClickAsync();
        var timeline = page.Locator("ol.timeline");
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(sidecar.Client.BaseAddress!, $"/issues/{id}").ToString());
        await Assertions.Expect(timeline.Locator("li")).ToHaveCountAsync(3);
        await Assertions.Expect(timeline.Locator("li").Nth(0)).ToContainTextAsync("Opened");
        await Assertions.Expect(timeline.Locator("li", new() { HasText = "page the on-call" })).ToContainTextAsync("Succeeded");
        await Assertions.Expect(timeline.Locator("li", new() { HasText = "open a ticket" })).ToContainTextAsync("the ticket system is down");
        await Assertions.Expect(timeline.Locator("li", new() { HasText = "open a ticket" })).ToContainTextAsync("Failed");
        await Assertions.Expect(page.Locator("pre.json").First).ToContainTextAsync("\"reason\": \"no rows since midnight\"");
        await browser.ScreenshotAsync("issue");

        await page.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1 .badge")).ToHaveTextAsync("Resolved");
        await Assertions.Expect(timeline).ToContainTextAsync("resolved from the dashboard");
        Assert.Equal("Resolved", (await sidecar.GetJsonAsync($"/api/issues/{id}"))["status"]!.GetValue<string>());
        await browser.ScreenshotAsync("issue-resolved");
    }

    [Fact]
    public async Task A_rule_file_that_does_not_compile_shows_its_error_and_location_on_the_rules_page()
    {
        workspace.WriteRules("export.yaml", FailingRule);
        workspace.WriteRules("broken.yaml", """
            assertions:
              - name: queue too long
                check: queueLength < 100
            """);
        await using var sidecar = await SidecarProcess.StartAsync(workspace);
        await using var browser = await HeadlessChromium.LaunchAsync(sidecar.Client.BaseAddress!, javaScript: false);
        var page = browser.Page;

        await page.GotoAsync("/rules");

        var reload = page.Locator("section.reload");
        await Assertions.Expect(reload).ToContainTextAsync("Last reload failed");
        await Assertions.Expect(reload.Locator(".location")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^broken\.yaml:3:\d+$"));
        await Assertions.Expect(reload).ToContainTextAsync("queue too long");
        await Assertions.Expect(reload).ToContainTextAsync("queueLength");
        await Assertions.Expect(page.Locator("#rules tr", new() { HasText = "export stalled" })).ToContainTextAsync("Failed");
        await browser.ScreenshotAsync("rules");
    }

    [Fact]
    public async Task Issue_text_holding_html_and_quotes_renders_as_text()
    {
        const string name = "<script>alert(1)</script>\"'";
        const string details = "<img src=x onerror=alert(2)>";
        const string record = "\"><b onmouseover=alert(3)>key</b>";
        await using var sidecar = await SidecarProcess.StartAsync(workspace);
        var created = await sidecar.Client.PostAsJsonAsync("/api/issues", new { name, details = new { note = details }, record });
        var id = (await created.Content.ReadFromJsonAsync<JsonNode>())!["issue"]!["id"]!.GetValue<long>();
        await using var browser = await HeadlessChromium.LaunchAsync(sidecar.Client.BaseAddress!);
        var page = browser.Page;
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);

        await page.GotoAsync($"/?status=all&name={Uri.EscapeDataString(name)}");
        await Assertions.Expect(page.Locator("td.name")).ToHaveTextAsync(name);
        await Assertions.Expect(page.Locator("td.record")).ToHaveTextAsync(record);
        Assert.Equal(name, await page.Locator("input[name=name]").InputValueAsync());
        await browser.ScreenshotAsync("issues-html-name");

        await page.GotoAsync($"/issues/{id}");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(name);
        await Assertions.Expect(page.Locator("pre.json").First).ToContainTextAsync(details);
        await Assertions.Expect(page).ToHaveTitleAsync(name + " · rules engine");
        await browser.ScreenshotAsync("issue-html-name");

        Assert.Equal(0, await page.Locator("script, img, b").CountAsync());
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task With_a_token_configured_the_buttons_work_once_the_browser_signs_in_with_it()
    {
        await using var sidecar = await SidecarProcess.StartAsync(workspace, "--token", "s3cret");
        var open = new HttpRequestMessage(HttpMethod.Post, "/api/issues") { Content = JsonContent.Create(new { name = "export stalled" }) };
        open.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
        Assert.Equal(HttpStatusCode.Created, (await sidecar.Client.SendAsync(open)).StatusCode);
        await using var browser = await HeadlessChromium.LaunchAsync(sidecar.Client.BaseAddress!, javaScript: false);
        var page = browser.Page;

        await page.GotoAsync("/issues/1");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Resolve" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with the API token" }).ClickAsync();
        await page.GetByLabel("API token").FillAsync("guess");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".problem")).ToHaveTextAsync("That is not the API token.");
        await browser.ScreenshotAsync("sign-in");

        await page.GetByLabel("API token").FillAsync("s3cret");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1 .badge")).ToHaveTextAsync("Resolved");
        Assert.Equal("Resolved", (await sidecar.GetJsonAsync("/api/issues/1"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_form_post_without_the_pages_antiforgery_token_changes_nothing()
    {
        await using var sidecar = await SidecarProcess.StartAsync(workspace);
        await sidecar.Client.PostAsJsonAsync("/api/issues", new { name = "export stalled" });

        // What a page on another site could send: the form's fields, without the token only this site's page holds.
        var forged = await sidecar.Client.PostAsync("/issues/1", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "issue-status",
            ["change"] = "resolve",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("Open", (await sidecar.GetJsonAsync("/api/issues/1"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_chromium_the_browser_tests_fail_saying_what_to_install()
    {
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(
            () => HeadlessChromium.LaunchAsync(new Uri("http://127.0.0.1:1"), executable: "/nonexistent/chromium"));

        Assert.Contains("apt-get install -y chromium", missing.Message);
    }

    /// <summary>Waits until the issue of the name exists and its first actions have all completed; returns its id.</summary>
    private static async Task<long> WaitForIssueWithCompletedActionsAsync(SidecarProcess sidecar, string name, int actions)
    {
        long id = 0;
        await sidecar.WaitUntilAsync(async () =>
        {
            var issue = (await sidecar.IssuesAsync($"name={Uri.EscapeDataString(name)}")).FirstOrDefault();
            var runs = issue?["actions"]!.AsArray() ?? [];
            id = issue?["id"]!.GetValue<long>() ?? 0;
            return runs.Count == actions && runs.All(run => run!["outcome"]!.GetValue<string>() != "Started");
        }, TimeSpan.FromSeconds(60), $"issue '{name}' with {actions} completed actions");
        return id;
    }
}
