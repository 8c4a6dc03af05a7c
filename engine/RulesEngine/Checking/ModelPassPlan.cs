using System.Text.Json.Nodes;
using RulesEngine.Issues;

namespace RulesEngine.Checking;

/// <summary>
/// Decides, record by record, what one model assertion pass changes in the store, against one read of the rule's
/// unresolved issues: no store query per record. A key seen twice is reported and neither record is acted on,
/// since which of them the issue should describe cannot be known. A record skipped for its key (null, the key threw,
/// or too long to store) may be any record whose issue is open: after one, no issue is resolved as gone from the
/// source.
/// </summary>
internal sealed class ModelPassPlan(IReadOnlyDictionary<string, Issue> unresolved)
{
    public const string PassedResolution = "the record passed its check";
    public const string GoneResolution = "the record is no longer in the source";

    private readonly RecordKeySet seen = new();
    private readonly HashSet<string> repeated = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RecordFailure> open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IssueUpdate> refresh = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IssueUpdate> resolve = new(StringComparer.Ordinal);

    public int Checked { get; private set; }

    public int Failed { get; private set; }

    public int NullKeys { get; private set; }

    public int Errors { get; private set; }

    public string? FirstError { get; private set; }

    /// <summary>Records skipped for a key longer than <see cref="IssueKeyRules.MaxRecordKeyBytes"/>.</summary>
    public int LongKeys { get; private set; }

    public string? FirstLongKey { get; private set; }

    /// <summary>
    /// Records skipped for their key: null, too long, or it threw (those are also counted in <see cref="Errors"/>).
    /// </summary>
    public int UnusableKeys { get; private set; }

    /// <summary>
    /// Open issues whose record was not seen, kept open because a record skipped for its key may be theirs; set by
    /// <see cref="Changes"/>.
    /// </summary>
    public int KeptUnseen { get; private set; }

    public IReadOnlyCollection<string> RepeatedKeys => repeated;

    public void Passed(string key)
    {
        Checked++;
        if (FirstSight(key) && unresolved.TryGetValue(key, out var issue) && issue.Status == IssueStatus.Open)
        {
            resolve[key] = new IssueUpdate(issue.Id, null, PassedResolution);
        }
    }

    public void Failing(string key, JsonNode? details)
    {
        Checked++;
        Failed++;
        if (!FirstSight(key))
        {
            return;
        }

        if (!unresolved.TryGetValue(key, out var issue))
        {
            open[key] = new RecordFailure(key, details);
        }
        else if (issue.Status == IssueStatus.Open && !JsonNode.DeepEquals(issue.Details, details))
        {
            refresh[key] = new IssueUpdate(issue.Id, details);
        }
    }

    /// <summary>The check threw for this record: its issue, if any, is left exactly as it is.</summary>
    public void Errored(string? key, string message)
    {
        Checked++;
        Errors++;
        FirstError ??= key is null ? message : $"record '{key}': {message}";
        if (key is null)
        {
            UnusableKeys++;
        }
        else
        {
            FirstSight(key);
        }
    }

    public void NullKey()
    {
        Checked++;
        NullKeys++;
        UnusableKeys++;
    }

    /// <summary>The key is too long for the store to index: the record is skipped, like one with a null key.</summary>
    public void LongKey(string key)
    {
        Checked++;
        LongKeys++;
        UnusableKeys++;
        FirstLongKey ??= key;
    }

    /// <summary>
    /// The changes, including resolving the open issues of records the source no longer has, unless a record was
    /// skipped for its key: a record with a null key may be one of those "gone", and resolving them would be a guess.
    /// </summary>
    public ModelPassChanges Changes()
    {
        foreach (var (key, issue) in unresolved)
        {
            if (issue.Status != IssueStatus.Open || seen.Contains(key))
            {
                continue;
            }

            if (UnusableKeys > 0)
            {
                KeptUnseen++;
            }
            else
            {
                resolve[key] = new IssueUpdate(issue.Id, null, GoneResolution);
            }
        }

        return new ModelPassChanges([.. open.Values], [.. refresh.Values], [.. resolve.Values]);
    }

    private bool FirstSight(string key)
    {
        if (seen.Add(key))
        {
            return true;
        }

        repeated.Add(key);
        open.Remove(key);
        refresh.Remove(key);
        resolve.Remove(key);
        return false;
    }
}
