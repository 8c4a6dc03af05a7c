using System.Text.Json.Nodes;
using LiteDB;
using RulesEngine.Issues;

namespace RulesEngine.Tests.Issues;

/// <summary>Details are stored as BSON values, not text, and come back equal after the store is closed and reopened.</summary>
public sealed class IssueStoreDetailsTests : IDisposable
{
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Documents =>
    [
        """{"free": 3, "disk": {"name": "/var", "mounts": [1, 2.5, "x", null, true, false, {"deep": []}]}}""",
        """{"big": 5000000000, "small": -2147483649, "max": 9223372036854775807}""",
        """{"ratio": 0.1, "tiny": 1e-300, "huge": 1.5e300, "negative": -273.15, "whole": 2.0}""",
        """{"price": 12345678901234.567890123, "beyondLong": 18446744073709551615}""",
        """{"text": "héllo wörld — ✓ 日本語 🚀", "empty": "", "quote": "a\"b\\c\n"}""",
        """{"a.b": 1, "$x": 2, "": 3, "_id": 4}""",
        """[1, [2, [3]], {"k": "v"}]""",
        "\"just a string\"",
        "42",
        "true",
        "null",
    ];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Details_come_back_equal_after_reopening_the_store(string json)
    {
        var details = JsonNode.Parse(json);

        var id = OpenAndClose(details);

        using var store = _folder.Open();
        var read = store.Get(id)!.Details;
        Assert.True(JsonNode.DeepEquals(details, read), $"Expected {json}, read {read?.ToJsonString()}");
    }

    [Fact]
    public void Numbers_keep_their_type()
    {
        var details = new JsonObject
        {
            ["int"] = 7,
            ["long"] = 5_000_000_000L,
            ["double"] = 0.5,
            ["decimal"] = 1.1m,
            ["float"] = 0.25f,
            ["uint"] = 7u,
        };

        var id = OpenAndClose(details);

        using var store = _folder.Open();
        var read = store.Get(id)!.Details!;
        Assert.Equal(7, read["int"]!.GetValue<int>());
        Assert.Equal(5_000_000_000L, read["long"]!.GetValue<long>());
        Assert.Equal(0.5, read["double"]!.GetValue<double>());
        Assert.Equal(1.1m, read["decimal"]!.GetValue<decimal>());
        Assert.Equal(0.25, read["float"]!.GetValue<double>());
        Assert.Equal(7, read["uint"]!.GetValue<int>());
    }

    [Fact]
    public void Details_are_stored_as_a_bson_document_not_as_text()
    {
        var id = OpenAndClose(new JsonObject { ["big"] = 5_000_000_000L, ["list"] = new JsonArray(1, 2) });

        using var database = new LiteDatabase($"Filename={_folder.StorePath};Connection=direct");
        var details = database.GetCollection("issues").FindById(id)["Details"];
        Assert.Equal(BsonType.Document, details.Type);
        Assert.Equal(BsonType.Int64, details["big"].Type);
        Assert.Equal(BsonType.Array, details["list"].Type);
    }

    [Fact]
    public void Keys_that_differ_only_in_case_are_refused_with_both_names()
    {
        using var store = _folder.Open();

        var error = Assert.Throws<InvalidDetailsException>(
            () => store.MaybeOpen(new IssueKey("disk full"), JsonNode.Parse("""{"x": {"Free": 1, "free": 2}}""")));

        Assert.Contains("'Free' and 'free'", error.Message);
        Assert.Equal(0, store.Count(IssueStatus.Open));
    }

    [Fact]
    public void Details_nested_deeper_than_the_limit_are_refused_naming_it_and_nothing_is_written()
    {
        using var store = _folder.Open();

        var error = Assert.Throws<InvalidDetailsException>(
            () => store.MaybeOpen(new IssueKey("deep"), Nested(IssueStore.MaxDetailsDepth + 1)));

        Assert.Equal("The details nest arrays and objects deeper than 32 levels, the most the issue store keeps; flatten them.",
            error.Message);
        Assert.Equal(0, store.Count(IssueStatus.Open));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    public void An_empty_innermost_array_or_object_counts_as_a_level(string innermost)
    {
        using var store = _folder.Open();
        var levels = IssueStore.MaxDetailsDepth;
        var details = JsonNode.Parse(new string('[', levels) + innermost + new string(']', levels));

        var error = Assert.Throws<InvalidDetailsException>(() => store.MaybeOpen(new IssueKey("deep"), details));

        Assert.StartsWith("The details nest arrays and objects deeper than 32 levels", error.Message);
        Assert.Equal(0, store.Count(IssueStatus.Open));
    }

    [Fact]
    public void A_key_with_a_nul_character_is_refused_as_the_details_fault_and_nothing_is_written()
    {
        using var store = _folder.Open();
        var details = new JsonObject { ["ok"] = new JsonObject { ["disk\0name"] = 1 } };

        var error = Assert.Throws<InvalidDetailsException>(() => store.MaybeOpen(new IssueKey("nul"), details));

        Assert.Equal("A key in the details 'disk\\0name' holds a NUL character (U+0000) at position 5; "
            + "the issue store cannot keep it in a key.", error.Message);
        Assert.Equal(0, store.Count(IssueStatus.Open));
        Assert.NotNull(store.MaybeOpen(new IssueKey("after"), new JsonObject { ["disk name"] = 1 }).Issue);
    }

    [Fact]
    public void Details_larger_than_the_store_keeps_for_an_issue_are_refused_as_the_callers_and_nothing_is_written()
    {
        using var store = _folder.Open();
        var details = new JsonObject { ["dump"] = new string('x', 20_000_000) };

        var error = Assert.Throws<InvalidDetailsException>(() => store.MaybeOpen(new IssueKey("huge"), details));

        Assert.Equal("The details are 20,000,004 characters of text, more than the 2,000,000 the issue store keeps on an "
            + "issue; keep the evidence, not the data.", error.Message);
        Assert.Equal(0, store.Count(IssueStatus.Open));
        Assert.Null(store.DamageFound);
    }

    [Fact]
    public void A_whole_number_too_large_to_keep_exactly_is_refused_and_a_float_as_large_is_kept()
    {
        using var store = _folder.Open();

        var error = Assert.Throws<InvalidDetailsException>(
            () => store.MaybeOpen(new IssueKey("big"), JsonNode.Parse("""{"n": 123456789012345678901234567890}""")));
        var id = store.MaybeOpen(new IssueKey("float"), JsonNode.Parse("""{"n": 1.5e40}""")).Issue.Id;

        Assert.Equal("The number 123456789012345678901234567890 in the details is a whole number too large to store exactly; "
            + "send it as a string.", error.Message);
        Assert.Equal(1.5e40, store.Get(id)!.Details!["n"]!.GetValue<double>());
        Assert.Equal(1, store.Count(IssueStatus.Open));
    }

    [Fact]
    public void Details_nested_as_deep_as_the_limit_come_back_equal()
    {
        var details = Nested(IssueStore.MaxDetailsDepth);

        var id = OpenAndClose(details);

        using var store = _folder.Open();
        Assert.True(JsonNode.DeepEquals(details, store.Get(id)!.Details));
    }

    [Fact]
    public void Details_with_a_lone_surrogate_are_refused_as_not_text()
    {
        using var store = _folder.Open();
        var built = new JsonObject { ["x"] = "bad \ud800" };
        var builtKey = new JsonArray(new JsonObject { ["\udc00"] = 1 });
        var parsed = JsonNode.Parse("""{"x": "bad \ud800"}""");

        var value = Assert.Throws<InvalidDetailsException>(() => store.MaybeOpen(new IssueKey("surrogate"), built));
        var key = Assert.Throws<InvalidDetailsException>(() => store.MaybeOpen(new IssueKey("surrogate"), builtKey));
        var text = Assert.Throws<InvalidDetailsException>(() => store.MaybeOpen(new IssueKey("surrogate"), parsed));

        Assert.Equal("A string in the details 'bad \\ud800' holds a lone UTF-16 surrogate (U+D800) at position 5, which is not text.", value.Message);
        Assert.Equal("A key in the details '\\udc00' holds a lone UTF-16 surrogate (U+DC00) at position 1, which is not text.", key.Message);
        Assert.StartsWith("A string or key in the details holds a lone UTF-16 surrogate, which is not text (", text.Message);
        Assert.Equal(0, store.Count(IssueStatus.Open));
    }

    [Fact]
    public void A_resolution_with_a_lone_surrogate_is_refused_and_the_issue_stays_open()
    {
        using var store = _folder.Open();
        var id = store.MaybeOpen(new IssueKey("disk full"), null).Issue.Id;

        var error = Assert.Throws<InvalidResolutionException>(() => store.Resolve(id, "fixed \ud800"));

        Assert.Equal("The resolution 'fixed \\ud800' holds a lone UTF-16 surrogate (U+D800) at position 7, which is not text.",
            error.Message);
        Assert.Equal(IssueStatus.Open, store.Get(id)!.Status);
    }

    /// <summary>Arrays nested <paramref name="levels"/> deep around the number 1: <c>[[1]]</c> for two.</summary>
    internal static JsonNode Nested(int levels) =>
        JsonNode.Parse(new string('[', levels) + "1" + new string(']', levels))!;

    private long OpenAndClose(JsonNode? details)
    {
        using var store = _folder.Open();
        return store.MaybeOpen(new IssueKey("disk full"), details).Issue.Id;
    }
}
