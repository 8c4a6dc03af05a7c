using System.Net;
using System.Text.Json.Nodes;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Sidecar;

/// <summary>
/// Requests with wrong values, paths or methods: the API answers each with a 4xx and a JSON <c>{"error": ...}</c>
/// saying what was wrong (the dashboard's pages answer in HTML: see <c>DashboardAddressTests</c>).
/// </summary>
public sealed class BadRequestTests : IAsyncLifetime
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
    [InlineData("GET", "/api/issues?limit=abc", 400, "The parameter 'limit' is 'abc', which is not a whole number from 0 to 1000.")]
    [InlineData("GET", "/api/issues?limit=1001", 400, "The parameter 'limit' is '1001', which is not a whole number from 0 to 1000.")]
    [InlineData("GET", "/api/issues?status=1", 400, "The parameter 'status' is '1', which is not one of Open, Resolved or WontFix.")]
    [InlineData("GET", "/api/issues?status=Open&status=Resolved", 400, "The parameter 'status' is given 2 times; give it once.")]
    [InlineData("GET", "/api/issues?skip=99999999999", 400, "The parameter 'skip' is '99999999999', which is not a whole number from 0 to 2147483647.")]
    [InlineData("GET", "/api/issues/abc", 404, "Nothing answers GET /api/issues/abc: the path is unknown. An issue's id is a whole number, as in /api/issues/42.")]
    [InlineData("GET", "/api/issues/99999999999999999999", 404, "Nothing answers GET /api/issues/99999999999999999999: there is no issue 99999999999999999999, as issue ids are at most 9223372036854775807.")]
    [InlineData("POST", "/api/issues/99999999999999999999/resolve", 404, "Nothing answers POST /api/issues/99999999999999999999/resolve: there is no issue 99999999999999999999, as issue ids are at most 9223372036854775807.")]
    [InlineData("POST", "/api/issues/1/frobnicate", 404, "Nothing answers POST /api/issues/1/frobnicate: the path is unknown. An issue's changes are POST /api/issues/1/resolve, /wontfix and /reopen.")]
    [InlineData("GET", "/api/no-such-thing", 404, "Nothing answers GET /api/no-such-thing: the path is unknown.")]
    [InlineData("POST", "/api/no-such-thing", 404, "Nothing answers POST /api/no-such-thing: the path is unknown.")]
    [InlineData("GET", "/-/no-such-thing", 404, "Nothing answers GET /-/no-such-thing: the path is unknown.")]
    [InlineData("GET", "/-/reload", 405, "GET /-/reload is not allowed: use POST.")]
    [InlineData("DELETE", "/api/issues/1", 405, "DELETE /api/issues/1 is not allowed: use GET.")]
    public async Task An_api_error_that_no_endpoint_writes_still_has_a_json_error_body(string method, string path, int status, string error)
    {
        using var response = await sidecar.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(error, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/api/issues", """{"name": 5}""", "'name' must be a string; found the number 5.")]
    [InlineData("/api/issues", """{"Name": "disk full", "record": {"id": 7}}""", "'record' must be a string; found an object.")]
    [InlineData("/api/issues", "[1, 2]", "The request body is an array; expected a JSON object.")]
    [InlineData("/api/issues", "{\"name\": ", "The request body is not valid JSON: ")]
    [InlineData("/api/issues", "{bad", "The request body is not valid JSON: 'b' is an invalid start of a property name. Expected a '\"' (line 1, byte 2).")]
    [InlineData("/api/issues", "{\"name\": \"a\",}", "The request body is not valid JSON: The JSON object contains a trailing comma at the end which is not supported (line 1, byte 14).")]
    [InlineData("/api/issues", """{"name": "disk full", "detials": {"free": 1}}""", "The request body has the property 'detials', which this request does not take; it takes name, details, record.")]
    [InlineData("/api/issues/1/resolve", """{"reason": "fixed"}""", "The request body has the property 'reason', which this request does not take; it takes resolution.")]
    [InlineData("/api/issues/1/resolve", """{"resolution": true}""", "'resolution' must be a string; found true.")]
    public async Task A_body_of_the_wrong_shape_is_a_400_naming_the_property_and_its_type_in_jsons_words(string path, string body, string error)
    {
        using var response = await sidecar.Client.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>();
        Assert.StartsWith(error, message);
        Assert.DoesNotContain("RulesEngine", message);
        Assert.DoesNotContain("LineNumber", message);
        Assert.DoesNotContain("reader options", message);
    }
}
