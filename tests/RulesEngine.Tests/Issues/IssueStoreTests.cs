using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using RulesEngine.Issues;

namespace RulesEngine.Tests.Issues;

/// <summary>
/// The store's semantics, behaviours 1 to 6 of docs/semantics.md. Tests named <c>Snn_</c> pin behaviour nn.
/// </summary>
public sealed class IssueStoreTests : IDisposable
{
    private readonly StoreFolder _folder = new();
    private readonly IssueStore _store;

    public IssueStoreTests() => _store = _folder.Open();

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void S01_An_issue_keeps_its_name_details_status_and_times()
    {
        var created = _store.MaybeOpen(new IssueKey("disk full"), new JsonObject { ["free"] = 3 }).Issue;

        var read = _store.Get(created.Id)!;

        Assert.Equal("disk full", read.Name);
        Assert.Equal(IssueStatus.Open, read.Status);
        Assert.Equal(3, read.Details!["free"]!.GetValue<int>());
        Assert.Equal(StoreFolder.Start, read.CreatedAt);
        Assert.Equal(StoreFolder.Start, read.LastSeenAt);
        Assert.Null(read.ResolvedAt);
        Assert.Null(read.Record);
        Assert.Empty(read.Actions);
        Assert.True(created.Id > 0);
    }

    [Fact]
    public void S02_A_model_issue_carries_its_record_source_and_key()
    {
        var created = _store.MaybeOpen(new IssueKey("order unpaid", "42"), null, "sqlite:shop.db").Issue;

        var read = _store.Get(created.Id)!;

        Assert.Equal(new IssueRecord("sqlite:shop.db", "42"), read.Record);
        Assert.Equal(new IssueKey("order unpaid", "42"), read.Key);
    }

    [Fact]
    public void S03_Maybe_open_creates_an_open_issue_when_none_has_the_key()
    {
        var result = _store.MaybeOpen(new IssueKey("disk full"), null);

        Assert.Equal(OpenDisposition.Created, result.Disposition);
        Assert.Equal(IssueStatus.Open, result.Issue.Status);
        IssueAssert.Same(result.Issue, _store.Get(result.Issue.Id));
        Assert.Equal(1, _store.Count(IssueStatus.Open));
    }

    [Fact]
    public void S03_Maybe_open_returns_the_open_issue_and_keeps_the_latest_details()
    {
        var first = _store.MaybeOpen(new IssueKey("disk full"), new JsonObject { ["free"] = 3 }).Issue;
        _folder.Time.Advance(TimeSpan.FromMinutes(5));

        var again = _store.MaybeOpen(new IssueKey("disk full"), new JsonObject { ["free"] = 1 });

        Assert.Equal(OpenDisposition.AlreadyOpen, again.Disposition);
        Assert.Equal(first.Id, again.Issue.Id);
        Assert.Equal(1, _store.Get(first.Id)!.Details!["free"]!.GetValue<int>());
        Assert.Equal(StoreFolder.Start, again.Issue.CreatedAt);
        Assert.Equal(StoreFolder.Start.AddMinutes(5), _store.Get(first.Id)!.LastSeenAt);
        Assert.Equal(1, _store.Count(IssueStatus.Open));
    }

    [Fact]
    public void S03_Maybe_open_with_no_details_clears_the_previous_details()
    {
        var first = _store.MaybeOpen(new IssueKey("disk full"), new JsonObject { ["free"] = 3 }).Issue;

        _store.MaybeOpen(new IssueKey("disk full"), null);

        Assert.Null(_store.Get(first.Id)!.Details);
    }

    [Fact]
    public void S03_Maybe_open_changes_nothing_when_the_issue_is_wont_fix()
    {
        var issue = _store.MaybeOpen(new IssueKey("disk full"), new JsonObject { ["free"] = 3 }).Issue;
        var wontFix = _store.MarkWontFix(issue.Id)!;
        _folder.Time.Advance(TimeSpan.FromMinutes(5));

        var result = _store.MaybeOpen(new IssueKey("disk full"), new JsonObject { ["free"] = 1 });

        Assert.Equal(OpenDisposition.WontFix, result.Disposition);
        Assert.Equal(issue.Id, result.Issue.Id);
        IssueAssert.Same(wontFix, _store.Get(issue.Id));
        Assert.Equal(3, _store.Get(issue.Id)!.Details!["free"]!.GetValue<int>());
        Assert.Equal(0, _store.Count(IssueStatus.Open));
    }

    [Fact]
    public void S03_Maybe_open_creates_a_new_issue_when_only_resolved_ones_have_the_key()
    {
        var old = _store.MaybeOpen(new IssueKey("disk full"), null).Issue;
        _store.Resolve(old.Id, "space freed");

        var result = _store.MaybeOpen(new IssueKey("disk full"), null);

        Assert.Equal(OpenDisposition.Created, result.Disposition);
        Assert.NotEqual(old.Id, result.Issue.Id);
        Assert.Equal(IssueStatus.Resolved, _store.Get(old.Id)!.Status);
    }

    [Fact]
    public void S03_Issues_of_one_name_for_different_records_are_independent()
    {
        var forRecord1 = _store.MaybeOpen(new IssueKey("order unpaid", "1"), null, "shop").Issue;
        _store.MarkWontFix(forRecord1.Id);

        var forRecord2 = _store.MaybeOpen(new IssueKey("order unpaid", "2"), null, "shop");
        var withoutRecord = _store.MaybeOpen(new IssueKey("order unpaid"), null);

        Assert.Equal(OpenDisposition.Created, forRecord2.Disposition);
        Assert.Equal(OpenDisposition.Created, withoutRecord.Disposition);
        Assert.Equal(3, new[] { forRecord1.Id, forRecord2.Issue.Id, withoutRecord.Issue.Id }.Distinct().Count());
    }

    [Fact]
    public void S03_Names_and_record_keys_are_case_sensitive()
    {
        var lower = _store.MaybeOpen(new IssueKey("disk full", "a"), null).Issue;

        var upper = _store.MaybeOpen(new IssueKey("Disk full", "a"), null);
        var upperKey = _store.MaybeOpen(new IssueKey("disk full", "A"), null);

        Assert.Equal(OpenDisposition.Created, upper.Disposition);
        Assert.Equal(OpenDisposition.Created, upperKey.Disposition);
        Assert.Equal(OpenDisposition.AlreadyOpen, _store.MaybeOpen(new IssueKey("disk full", "a"), null).Disposition);
        Assert.Equal(3, _store.Count(IssueStatus.Open));
        Assert.NotEqual(lower.Id, upper.Issue.Id);
    }

    [Fact]
    public void S04_Resolve_by_key_resolves_the_open_issue_and_sets_the_resolved_time()
    {
        var issue = _store.MaybeOpen(new IssueKey("disk full"), null).Issue;
        _folder.Time.Advance(TimeSpan.FromHours(1));

        var resolved = _store.Resolve(new IssueKey("disk full"), "the check passed");

        var read = _store.Get(issue.Id)!;
        Assert.Equal(issue.Id, Assert.Single(resolved).Id);
        Assert.Equal(IssueStatus.Resolved, read.Status);
        Assert.Equal(StoreFolder.Start.AddHours(1), read.ResolvedAt);
        Assert.Equal("the check passed", read.Resolution);
    }

    [Fact]
    public void S04_Resolve_by_key_leaves_a_wont_fix_issue_as_it_is()
    {
        var issue = _store.MaybeOpen(new IssueKey("disk full"), null).Issue;
        _store.MarkWontFix(issue.Id);

        var resolved = _store.Resolve(new IssueKey("disk full"), "the check passed");

        var read = _store.Get(issue.Id)!;
        Assert.Empty(resolved);
        Assert.Equal(IssueStatus.WontFix, read.Status);
        Assert.Null(read.ResolvedAt);
        Assert.Null(read.Resolution);
    }

    [Fact]
    public void S04_Resolve_by_key_touches_only_the_issue_of_that_record()
    {
        var record1 = _store.MaybeOpen(new IssueKey("order unpaid", "1"), null).Issue;
        var record2 = _store.MaybeOpen(new IssueKey("order unpaid", "2"), null).Issue;
        var noRecord = _store.MaybeOpen(new IssueKey("order unpaid"), null).Issue;

        _store.Resolve(new IssueKey("order unpaid", "1"), "paid");

        Assert.Equal(IssueStatus.Resolved, _store.Get(record1.Id)!.Status);
        Assert.Equal(IssueStatus.Open, _store.Get(record2.Id)!.Status);
        Assert.Equal(IssueStatus.Open, _store.Get(noRecord.Id)!.Status);
    }

    [Fact]
    public void S04_Resolve_by_id_refuses_a_wont_fix_issue_saying_to_reopen_it_and_leaves_it_as_it_is()
    {
        var issue = _store.MaybeOpen(new IssueKey("disk full"), null).Issue;
        _store.MarkWontFix(issue.Id);

        var error = Assert.Throws<IssueWontFixException>(() => _store.Resolve(issue.Id, "by hand"));

        Assert.Equal($"Issue {issue.Id} is won't-fix; reopen it to change it.", error.Message);
        Assert.Equal(issue.Id, error.IssueId);
        Assert.Equal(IssueStatus.WontFix, _store.Get(issue.Id)!.Status);
        Assert.Null(_store.Get(issue.Id)!.ResolvedAt);
    }

    [Fact]
    public void S04_Resolve_by_id_keeps_the_first_resolution_of_a_resolved_issue()
    {
        var issue = _store.MaybeOpen(new IssueKey("disk full"), null).Issue;
        _store.Resolve(issue.Id, "first");
        _folder.Time.Advance(TimeSpan.FromHours(1));

        var returned = _store.Resolve(issue.Id, "second");

        Assert.Equal("first", returned!.Resolution);
        Assert.Equal(StoreFolder.Start, _store.Get(issue.Id)!.ResolvedAt);
        Assert.Null(_store.Resolve(issue.Id + 100, "no such issue"));
    }

    [Fact]
    public void S05_Reopen_moves_a_resolved_issue_back_to_open_and_clears_the_resolved_time()
    {
        var issue = _store.MaybeOpen(new IssueKey("disk full"), null).Issue;
        _store.Resolve(issue.Id, "space freed");

        var reopened = _store.Reopen(issue.Id);

        var read = _store.Get(issue.Id)!;
        Assert.Equal(IssueStatus.Open, reopened!.Status);
        Assert.Equal(IssueStatus.Open, read.Status);
        Assert.Null(read.ResolvedAt);
        Assert.Null(read.Resolution);
        Assert.Null(_store.Reopen(issue.Id + 100));
    }

    [Fact]
    public void S05_A_reopened_issue_is_the_one_maybe_open_finds()
    {
        var issue = _store.MaybeOpen(new IssueKey("disk full"), null).Issue;
        _store.Resolve(issue.Id, "space freed");
        _store.Reopen(issue.Id);

        var result = _store.MaybeOpen(new IssueKey("disk full"), null);

        Assert.Equal(OpenDisposition.AlreadyOpen, result.Disposition);
        Assert.Equal(issue.Id, result.Issue.Id);
    }

    [Fact]
    public void Reopen_is_refused_while_a_newer_issue_with_the_key_is_open_naming_that_issue()
    {
        var first = _store.MaybeOpen(new IssueKey("twin"), null).Issue;
        _store.Resolve(first.Id, "fixed");
        var second = _store.MaybeOpen(new IssueKey("twin"), null).Issue;

        var error = Assert.Throws<IssueConflictException>(() => _store.Reopen(first.Id));

        Assert.Equal($"Issue {first.Id} cannot be reopened: issue {second.Id} with the same name 'twin' is already " +
            $"open, and a key has at most one unresolved issue. Work on issue {second.Id} instead, or resolve it first.",
            error.Message);
        Assert.Equal((first.Id, second.Id), (error.IssueId, error.UnresolvedIssueId));
        Assert.Equal(IssueStatus.Resolved, _store.Get(first.Id)!.Status);
        Assert.Equal(second.Id, Assert.Single(_store.Find(new IssueQuery { Status = IssueStatus.Open })).Id);
        Assert.Equal(second.Id, _store.MaybeOpen(new IssueKey("twin"), null).Issue.Id);
    }

    [Fact]
    public void Mark_wont_fix_of_a_resolved_issue_is_refused_while_another_with_its_record_is_wont_fix()
    {
        var first = _store.MaybeOpen(new IssueKey("order unpaid", "42"), null, "shop").Issue;
        _store.Resolve(first.Id, "paid");
        var second = _store.MaybeOpen(new IssueKey("order unpaid", "42"), null, "shop").Issue;
        _store.MarkWontFix(second.Id);

        var error = Assert.Throws<IssueConflictException>(() => _store.MarkWontFix(first.Id));

        Assert.Equal($"Issue {first.Id} cannot be marked won't-fix: issue {second.Id} with the same name " +
            "'order unpaid' and record '42' is already won't-fix, and a key has at most one unresolved issue. " +
            $"Work on issue {second.Id} instead, or reopen it and resolve it first.", error.Message);
        Assert.Throws<IssueConflictException>(() => _store.Reopen(first.Id));
        Assert.Equal(IssueStatus.Resolved, _store.Get(first.Id)!.Status);
        Assert.Equal(second.Id, _store.UnresolvedIssuesByRecord("order unpaid")["42"].Id);
    }

    [Fact]
    public void Status_changes_of_an_unresolved_issue_or_of_another_record_are_not_refused()
    {
        var other = _store.MaybeOpen(new IssueKey("order unpaid", "7"), null, "shop").Issue;
        var issue = _store.MaybeOpen(new IssueKey("order unpaid", "42"), null, "shop").Issue;
        _store.Resolve(issue.Id, "paid");

        Assert.Equal(IssueStatus.Open, _store.Reopen(issue.Id)!.Status);
        Assert.Equal(IssueStatus.WontFix, _store.MarkWontFix(issue.Id)!.Status);
        Assert.Equal(IssueStatus.Open, _store.Reopen(issue.Id)!.Status);
        Assert.Equal(IssueStatus.Open, _store.Get(other.Id)!.Status);
    }

    // Behaviour 6 of docs/semantics.md: the store is the library's entry point; any caller opens issues with a name alone.
    [Fact]
    public void Any_code_can_open_and_resolve_an_issue_through_the_store_without_an_assertion()
    {
        var opened = _store.MaybeOpen(new IssueKey("manual: backup missing"), JsonValue.Create("opened by hand"));

        var found = Assert.Single(_store.Find(new IssueQuery { NamePrefix = "manual:" }));
        Assert.Equal(opened.Issue.Id, found.Id);
        Assert.Equal("opened by hand", found.Details!.GetValue<string>());
        Assert.Single(_store.Resolve(new IssueKey("manual: backup missing"), "restored"));
    }

    [Fact]
    public void Mark_wont_fix_applies_to_a_resolved_issue_and_clears_its_resolved_time()
    {
        var issue = _store.MaybeOpen(new IssueKey("disk full"), null).Issue;
        _store.Resolve(issue.Id, "space freed");

        var wontFix = _store.MarkWontFix(issue.Id);

        Assert.Equal(IssueStatus.WontFix, wontFix!.Status);
        Assert.Null(_store.Get(issue.Id)!.ResolvedAt);
        Assert.Null(_store.MarkWontFix(issue.Id + 100));
    }

    [Fact]
    public void Times_are_kept_to_the_millisecond_and_returned_as_stored()
    {
        _folder.Time.Advance(TimeSpan.FromTicks(1_234_567));

        var created = _store.MaybeOpen(new IssueKey("disk full"), null).Issue;

        Assert.Equal(StoreFolder.Start.AddMilliseconds(123), created.CreatedAt);
        IssueAssert.Same(created, _store.Get(created.Id));
    }

    [Fact]
    public void Concurrent_maybe_opens_of_one_key_create_one_issue()
    {
        const int Threads = 8;
        const int Keys = 20;
        using var start = new Barrier(Threads);

        var results = new OpenResult[Threads][];
        var failures = new ConcurrentBag<Exception>();
        var threads = Enumerable.Range(0, Threads).Select(thread => new Thread(() =>
        {
            results[thread] = new OpenResult[Keys];
            for (var key = 0; key < Keys; key++)
            {
                start.SignalAndWait();

                // Caught so that every thread keeps meeting the barrier; failures are asserted after the join.
                try
                {
                    results[thread][key] = _store.MaybeOpen(new IssueKey("disk full", $"{key}"), JsonValue.Create(thread));
                }
                catch (Exception e)
                {
                    failures.Add(e);
                }
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        Assert.Empty(failures);
        var all = results.SelectMany(perThread => perThread).ToList();
        Assert.Equal(Keys, all.Count(result => result.Disposition == OpenDisposition.Created));
        Assert.Equal(Keys, all.Select(result => result.Issue.Id).Distinct().Count());
        Assert.Equal(Keys, _store.Count(IssueStatus.Open));
    }
}
