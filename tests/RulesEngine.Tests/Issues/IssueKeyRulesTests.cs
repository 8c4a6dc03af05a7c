using System.Text.Json.Nodes;
using RulesEngine.Issues;

namespace RulesEngine.Tests.Issues;

/// <summary>The names and record keys the store refuses at its entry points, and the longest it keeps.</summary>
public sealed class IssueKeyRulesTests : IDisposable
{
    private readonly StoreFolder _folder = new();
    private readonly IssueStore _store;

    public IssueKeyRulesTests() => _store = _folder.Open();

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("", "The issue name is empty; a name needs some text.")]
    [InlineData("  \u00a0", "The issue name is only white space; a name needs some text.")]
    [InlineData("\u200b", "The issue name is only white space and invisible characters; a name needs some text.")]
    [InlineData(" \ufeff\u2060 ", "The issue name is only white space and invisible characters; a name needs some text.")]
    [InlineData("disk full ", "The issue name 'disk full ' ends with white space, which no list would show; remove it.")]
    [InlineData("\u00a0disk full", "The issue name '\u00a0disk full' starts with white space, which no list would show; remove it.")]
    [InlineData("disk \u202efull", "The issue name 'disk \u202efull' holds a bidirectional control character (U+202E) at position 6, which shows the name in another order than it is written.")]
    [InlineData("disk\tfull", "The issue name 'disk\\tfull' holds a control character (a tab or a line break, say) at position 5; a name is one line of text.")]
    [InlineData("disk full\n", "The issue name 'disk full\\n' holds a control character (a tab or a line break, say) at position 10; a name is one line of text.")]
    [InlineData("disk\0full", "The issue name 'disk\\0full' holds a control character (a tab or a line break, say) at position 5; a name is one line of text.")]
    [InlineData("disk\u0085full", "The issue name 'disk\\u0085full' holds a control character (a tab or a line break, say) at position 5; a name is one line of text.")]
    [InlineData("disk\u2028full", "The issue name 'disk\\u2028full' holds a line separator (U+2028) at position 5; a name is one line of text.")]
    [InlineData("disk full\u2029", "The issue name 'disk full\\u2029' holds a paragraph separator (U+2029) at position 10; a name is one line of text.")]
    public void Maybe_open_refuses_a_blank_name_or_one_that_is_more_than_one_line_and_writes_nothing(string name, string expected)
    {
        var error = Assert.Throws<InvalidKeyException>(() => _store.MaybeOpen(new IssueKey(name), null));

        Assert.Equal(expected, error.Message);
        Assert.Empty(_store.Find(new IssueQuery()));
    }

    [Fact]
    public void Maybe_open_refuses_a_record_key_with_a_control_character()
    {
        var error = Assert.Throws<InvalidKeyException>(() => _store.MaybeOpen(new IssueKey("order unpaid", "42\r"), null));

        Assert.Equal("The record key '42\\r' holds a control character (a tab or a line break, say) at position 3; " +
            "a record key is one line of text.", error.Message);
        Assert.Empty(_store.Find(new IssueQuery()));
    }

    [Fact]
    public void Maybe_open_refuses_a_record_key_with_white_space_at_an_end()
    {
        var error = Assert.Throws<InvalidKeyException>(() => _store.MaybeOpen(new IssueKey("order unpaid", " 42"), null));

        Assert.Equal("The record key ' 42' starts with white space, which no list would show; remove it.", error.Message);
        Assert.Empty(_store.Find(new IssueQuery()));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData(" \t", "only white space")]
    [InlineData("\u200b", "only white space and invisible characters")]
    public void Maybe_open_refuses_a_blank_record_key_which_would_read_as_no_record(string key, string blank)
    {
        var error = Assert.Throws<InvalidKeyException>(() => _store.MaybeOpen(new IssueKey("order unpaid", key), null));

        Assert.Equal($"The record key is {blank}; give the record's key, or none for an issue about no record.", error.Message);
        Assert.Empty(_store.Find(new IssueQuery()));
    }

    // Lone surrogates are written in the test's code, not in [InlineData]: xUnit's test names would replace them.
    [Fact]
    public void Maybe_open_refuses_a_name_or_record_key_with_a_lone_surrogate()
    {
        var name = Assert.Throws<InvalidKeyException>(() => _store.MaybeOpen(new IssueKey("disk \ud800full"), null));
        var key = Assert.Throws<InvalidKeyException>(() => _store.MaybeOpen(new IssueKey("order unpaid", "42\udc00"), null));

        Assert.Equal("The issue name 'disk \\ud800full' holds a lone UTF-16 surrogate (U+D800) at position 6, which is not text.", name.Message);
        Assert.Equal("The record key '42\\udc00' holds a lone UTF-16 surrogate (U+DC00) at position 3, which is not text.", key.Message);
        Assert.Empty(_store.Find(new IssueQuery()));
    }

    [Fact]
    public void A_name_with_a_surrogate_pair_is_kept()
    {
        Assert.Equal("disk full \ud83d\ude80", _store.MaybeOpen(new IssueKey("disk full \ud83d\ude80"), null).Issue.Name);
    }

    [Fact]
    public void Maybe_open_refuses_a_record_key_holding_a_paragraph_separator_as_more_than_one_line()
    {
        var error = Assert.Throws<InvalidKeyException>(() => _store.MaybeOpen(new IssueKey("order unpaid", "42\u2029"), null));

        Assert.Equal("The record key '42\\u2029' holds a paragraph separator (U+2029) at position 3; a record key is one " +
            "line of text.", error.Message);
        Assert.Empty(_store.Find(new IssueQuery()));
    }

    [Fact]
    public void Maybe_open_refuses_names_and_record_keys_over_the_limits_saying_both_lengths()
    {
        var longName = new string('é', 129);
        var longKey = new string('k', 1100);

        var name = Assert.Throws<InvalidKeyException>(() => _store.MaybeOpen(new IssueKey(longName), null));
        var key = Assert.Throws<InvalidKeyException>(() => _store.MaybeOpen(new IssueKey("order unpaid", longKey), null));

        Assert.Equal($"The issue name '{longName[..40]}' (cut; 129 characters) is 258 bytes long in UTF-8; a name is " +
            "at most 256 bytes, so that the issue store can index it.", name.Message);
        Assert.Equal($"The record key '{longKey[..40]}' (cut; 1,100 characters) is 1,100 bytes long in UTF-8; a record " +
            "key is at most 512 bytes, so that the issue store can index it.", key.Message);
        Assert.IsAssignableFrom<ArgumentException>(key);
        Assert.Empty(_store.Find(new IssueQuery()));
    }

    [Fact]
    public void The_longest_name_and_record_key_are_kept_and_found_through_every_index()
    {
        // 64 four-byte characters (surrogate pairs) and 128 of them: exactly the limits, in the widest UTF-8.
        var name = string.Concat(Enumerable.Repeat("😀", 64));
        var key = string.Concat(Enumerable.Repeat("😀", 128));

        var opened = _store.MaybeOpen(new IssueKey(name, key), new JsonObject { ["n"] = 1 }, "shop").Issue;
        _store.Resolve(opened.Id, "fixed");
        var again = _store.MaybeOpen(new IssueKey(name, key), null, "shop").Issue;

        Assert.Equal((256, 512), (IssueKeyRules.MaxNameBytes, IssueKeyRules.MaxRecordKeyBytes));
        Assert.Equal(again.Id, _store.UnresolvedIssuesByRecord(name)[key].Id);
        Assert.Equal([again.Id, opened.Id], _store.Find(new IssueQuery { Name = name }).Select(issue => issue.Id));
        Assert.Equal([again.Id], _store.Find(new IssueQuery { Status = IssueStatus.Open }).Select(issue => issue.Id));
        Assert.Equal(name, _store.RecordHeartbeat(name).Name);
        Assert.Equal(name, _store.LastHeartbeat(name)!.Name);
    }

    [Theory]
    [InlineData(" ", "The heartbeat name is only white space; a name needs some text.")]
    [InlineData("billing\n", "The heartbeat name 'billing\\n' holds a control character (a tab or a line break, say) at position 8; a name is one line of text.")]
    [InlineData("billing\u2028", "The heartbeat name 'billing\\u2028' holds a line separator (U+2028) at position 8; a name is one line of text.")]
    public void A_heartbeat_name_follows_the_rules_of_issue_names(string name, string expected)
    {
        var error = Assert.Throws<InvalidKeyException>(() => _store.RecordHeartbeat(name));

        Assert.Equal(expected, error.Message);
        Assert.Throws<InvalidKeyException>(() => _store.RecordHeartbeat(new string('b', 257)));
        Assert.Empty(_store.Heartbeats());
    }

    [Fact]
    public void Reads_with_a_name_or_key_too_long_to_store_find_nothing_rather_than_fail()
    {
        var longText = new string('x', 1100);
        _store.MaybeOpen(new IssueKey("disk full"), null);

        Assert.Null(_store.LastHeartbeat(longText));
        Assert.Empty(_store.Find(new IssueQuery { Name = longText }));
        Assert.Empty(_store.Find(new IssueQuery { NamePrefix = longText }));
        Assert.Empty(_store.UnresolvedIssuesByRecord(longText));
        Assert.Empty(_store.Resolve(new IssueKey("disk full", longText), "never open"));
    }

    [Fact]
    public void A_model_pass_with_a_record_key_too_long_to_index_writes_nothing()
    {
        var existing = _store.MaybeOpen(new IssueKey("order unpaid", "1"), null, "shop").Issue;

        var error = Assert.Throws<InvalidKeyException>(() => _store.ApplyModelPass("order unpaid", "shop", new ModelPassChanges(
            Open: [new RecordFailure("2", null), new RecordFailure(new string('k', 600), null)],
            Refresh: [],
            Resolve: [new IssueUpdate(existing.Id, null, "passed")])));

        Assert.StartsWith("The record key 'kkkk", error.Message);
        Assert.Contains("is 600 bytes long in UTF-8; a record key is at most 512 bytes", error.Message);
        Assert.Equal(["1"], _store.UnresolvedIssuesByRecord("order unpaid").Keys);
    }

    [Fact]
    public void A_model_pass_keeps_a_record_key_holding_a_control_character_as_the_source_has_it()
    {
        _store.ApplyModelPass("order unpaid", "shop", new ModelPassChanges([new RecordFailure("A\tB", null)], [], []));

        Assert.Equal(["A\tB"], _store.UnresolvedIssuesByRecord("order unpaid").Keys);
    }
}
