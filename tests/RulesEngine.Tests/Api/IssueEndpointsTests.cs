using System.Net;
using System.Net.Http.Json;
using System.Text;
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

    [Fact]
    public async Task Resolving_a_wont_fix_issue_is_a_409_saying_to_reopen_it_and_resolving_a_resolved_one_is_harmless()
    {
        await using var sidecar = await SidecarProcess.StartAsync(workspace);
        var client = sidecar.Client;
        var wontFix = await OpenAsync(client, "flaky disk");
        await client.PostAsync($"/api/issues/{wontFix}/wontfix", null);
        var resolved = await OpenAsync(client, "full disk");
        await client.PostAsync($"/api/issues/{resolved}/resolve", null);

        var refused = await client.PostAsync($"/api/issues/{wontFix}/resolve", null);
        var again = await client.PostAsync($"/api/issues/{resolved}/resolve", null);

        Assert.Equal($"Issue {wontFix} is won't-fix; reopen it to change it.", await ErrorAsync(refused, HttpStatusCode.Conflict));
        Assert.Equal("WontFix", (await sidecar.GetJsonAsync($"/api/issues/{wontFix}"))["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("Resolved", (await again.Content.ReadFromJsonAsync<JsonNode>())!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Names_and_record_keys_that_rule_files_refuse_are_a_400_saying_why_and_open_nothing()
    {
        await using var sidecar = await SidecarProcess.StartAsync(workspace);
        var client = sidecar.Client;

        var tab = await client.PostAsJsonAsync("/api/issues", new { name = "export\tfailed" });
        var nul = await client.PostAsJsonAsync("/api/issues", new { name = "export\0failed" });
        var newline = await client.PostAsJsonAsync("/api/issues", new { name = "export failed\n" });
        var longName = await client.PostAsJsonAsync("/api/issues", new { name = new string('n', 1100) });
        var longRecord = await client.PostAsJsonAsync("/api/issues", new { name = "export failed", record = new string('r', 1100) });
        var controlRecord = await client.PostAsJsonAsync("/api/issues", new { name = "export failed", record = "batch\u001f7" });
        var caseClash = await client.PostAsync("/api/issues", new StringContent(
            """{"name": "export failed", "details": {"Rows": 1, "rows": 2}}""", Encoding.UTF8, "application/json"));

        Assert.Equal("The issue name 'export\\tfailed' holds a control character (a tab or a line break, say) at " +
            "position 7; a name is one line of text.", await ErrorAsync(tab, HttpStatusCode.BadRequest));
        Assert.Contains("'export\\0failed' holds a control character", await ErrorAsync(nul, HttpStatusCode.BadRequest));
        Assert.Contains("at position 14", await ErrorAsync(newline, HttpStatusCode.BadRequest));
        Assert.EndsWith("(cut; 1,100 characters) is 1,100 bytes long in UTF-8; a name is at most 256 bytes, so that the " +
            "issue store can index it.", await ErrorAsync(longName, HttpStatusCode.BadRequest));
        Assert.StartsWith("The record key 'rrrr", await ErrorAsync(longRecord, HttpStatusCode.BadRequest));
        Assert.StartsWith("The record key 'batch\\u001f7' holds a control character", await ErrorAsync(controlRecord, HttpStatusCode.BadRequest));
        Assert.Equal("Details have the keys 'Rows' and 'rows', which differ only in case. The issue store keeps object keys " +
            "case-insensitively (LiteDB); rename one of them.", await ErrorAsync(caseClash, HttpStatusCode.BadRequest));
        Assert.Empty(await sidecar.IssuesAsync());
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/issues", new { name = "export failed" })).StatusCode);
    }

    [Fact]
    public async Task Details_deeper_than_the_store_keeps_are_a_400_naming_the_limit_and_details_at_the_limit_are_listed_and_shown()
    {
        await using var sidecar = await SidecarProcess.StartAsync(workspace);
        var client = sidecar.Client;

        var deep = await client.PostAsync("/api/issues", Json($$"""{"name": "deep 33", "details": {{Nested(33)}}}"""));
        var atLimit = await client.PostAsync("/api/issues", Json($$"""{"name": "deep 32", "details": {{Nested(32)}}}"""));
        var beyondParser = await client.PostAsync("/api/issues", Json($$"""{"name": "deep 1000", "details": {{Nested(1000)}}}"""));
        var emptyInnermost = await client.PostAsync("/api/issues", Json($$"""{"name": "deep 33", "details": {{Nested(32).Replace("1", "[]")}}}"""));
        var nulKey = await client.PostAsync("/api/issues", Json("""{"name": "nul", "details": {"a\u0000b": 1}}"""));

        const string TooDeep = "The details nest arrays and objects deeper than 32 levels, the most the issue store keeps; flatten them.";
        Assert.Equal(TooDeep, await ErrorAsync(deep, HttpStatusCode.BadRequest));
        Assert.Equal(TooDeep, await ErrorAsync(beyondParser, HttpStatusCode.BadRequest));
        Assert.Equal(TooDeep, await ErrorAsync(emptyInnermost, HttpStatusCode.BadRequest));
        Assert.Equal("A key in the details 'a\\0b' holds a NUL character (U+0000) at position 2; the issue store cannot keep it in a key.",
            await ErrorAsync(nulKey, HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.Created, atLimit.StatusCode);
        var listed = Assert.Single(await sidecar.IssuesAsync());
        Assert.Equal("deep 32", listed!["name"]!.GetValue<string>());
        var id = listed["id"]!.GetValue<long>();
        Assert.Equal(1, id);
        Assert.Equal(Nested(32), (await sidecar.GetJsonAsync($"/api/issues/{id}"))["details"]!.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/issues/{id}")).StatusCode);
    }

    [Fact]
    public async Task Bodies_with_a_lone_surrogate_a_repeated_property_bytes_not_utf8_or_a_blank_record_key_are_a_400()
    {
        await using var sidecar = await SidecarProcess.StartAsync(workspace);
        var client = sidecar.Client;
        var id = await OpenAsync(client, "disk full");

        var surrogateName = await client.PostAsync("/api/issues", Json("""{"name": "bad \ud800"}"""));
        var surrogateResolution = await client.PostAsync($"/api/issues/{id}/resolve", Json("""{"resolution": "\udc00"}"""));
        var twiceName = await client.PostAsync("/api/issues", Json("""{"name": "a", "name": "b"}"""));
        var twiceResolution = await client.PostAsync($"/api/issues/{id}/resolve", Json("""{"resolution": "a", "Resolution": "b"}"""));
        var twiceInDetails = await client.PostAsync("/api/issues", Json("""{"name": "a", "details": [{"x": 1, "x": 2}]}"""));
        var notUtf8 = await client.PostAsync("/api/issues", new ByteArrayContent([.. "{\"name\": \"bad "u8, 0xFF, .. "\"}"u8])
        {
            Headers = { ContentType = new("application/json") },
        });
        var emptyRecord = await client.PostAsJsonAsync("/api/issues", new { name = "new one", record = "" });
        var blankRecord = await client.PostAsJsonAsync("/api/issues", new { name = "new one", record = " " });

        Assert.StartsWith("The request body holds a lone UTF-16 surrogate, which is not text: ",
            await ErrorAsync(surrogateName, HttpStatusCode.BadRequest));
        Assert.StartsWith("The request body holds a lone UTF-16 surrogate, which is not text: ",
            await ErrorAsync(surrogateResolution, HttpStatusCode.BadRequest));
        Assert.Equal("The request body is ambiguous: the property 'name' appears twice in one object; give it once.",
            await ErrorAsync(twiceName, HttpStatusCode.BadRequest));
        Assert.Equal("The request body is ambiguous: the property 'Resolution' appears twice in one object; give it once.",
            await ErrorAsync(twiceResolution, HttpStatusCode.BadRequest));
        Assert.Equal("The request body is ambiguous: the property 'x' appears twice in one object; give it once.",
            await ErrorAsync(twiceInDetails, HttpStatusCode.BadRequest));
        Assert.Equal("The request body is not valid UTF-8; send JSON text encoded as UTF-8.",
            await ErrorAsync(notUtf8, HttpStatusCode.BadRequest));
        Assert.Equal("The record key is empty; give the record's key, or none for an issue about no record.",
            await ErrorAsync(emptyRecord, HttpStatusCode.BadRequest));
        Assert.Equal("The record key is only white space; give the record's key, or none for an issue about no record.",
            await ErrorAsync(blankRecord, HttpStatusCode.BadRequest));
        var only = Assert.Single(await sidecar.IssuesAsync());
        Assert.Equal(("disk full", "Open"), (only!["name"]!.GetValue<string>(), only["status"]!.GetValue<string>()));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>Arrays nested <paramref name="levels"/> deep around the number 1, as JSON text.</summary>
    private static string Nested(int levels) => new string('[', levels) + "1" + new string(']', levels);

    /// <summary>The <c>error</c> of a JSON error answer, after checking its status.</summary>
    internal static async Task<string> ErrorAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["error"]!.GetValue<string>();
    }

    private static async Task<long> OpenAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/issues", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!["issue"]!["id"]!.GetValue<long>();
    }
}
