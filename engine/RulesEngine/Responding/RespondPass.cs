using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using RulesEngine.Compilation;
using RulesEngine.Issues;
using RulesEngine.Loading;

namespace RulesEngine.Responding;

/// <summary>
/// Walks every open issue against every responder and runs the actions that are due, and walks the issues that
/// left Open with work still to do (<c>on_resolve</c> actions, interrupted runs) through an index of those alone.
/// Issues are responded to concurrently, up to <see cref="EngineOptions.RespondConcurrency"/> at once, so a slow
/// action holds up only its own issue. One pass runs at a time per engine: a second waits for the first, so the
/// scheduler and a caller never run the same action twice; the store's lock keeps other processes out.
/// </summary>
public sealed class RespondPass
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly IssueStore store;
    private readonly EngineOptions options;
    private readonly IssueResponse response;
    private readonly ILogger log;

    // The names each rule set's watch patterns timed out on, kept across passes and dropped with the rule set: a
    // reload's new set starts afresh. Touched by one pass at a time, under the gate.
    private readonly ConditionalWeakTable<RuleSet, WatchTimeouts> watchTimeouts = new();

    public RespondPass(IssueStore store, EngineOptions options)
    {
        this.store = store;
        this.options = options;
        log = options.LoggerFactory.CreateLogger<RespondPass>();
        var backoff = new RetryBackoff(options.RetryDelay, options.MaxRetryDelay);
        response = new IssueResponse(
            store,
            new ActionRunner(store, options, backoff),
            new InterruptedRun(store, options.LoggerFactory),
            backoff);
    }

    public async Task<RespondSummary> RunAsync(RuleSet rules, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RunOnceAsync(rules, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<RespondSummary> RunOnceAsync(RuleSet rules, CancellationToken cancellationToken)
    {
        var now = options.TimeProvider.GetUtcNow();
        var open = store.OpenIssueSummaries();
        var closed = store.IssuesAwaitingResponse().Where(issue => issue.Status != IssueStatus.Open).ToList();

        // Matched here, on one thread: the matcher's cache is not thread-safe. An open issue is read whole only when
        // an action of a matching responder may be due; in a large store most open issues are waiting out a delay.
        var matcher = new ResponderMatcher(rules.Responders, watchTimeouts.GetOrCreateValue(rules), log);
        var work = new List<(Issue Issue, IReadOnlyList<CompiledResponder> Responders)>();
        foreach (var summary in open)
        {
            var responders = matcher.Matching(summary.Name);
            if (MayBeDue(summary, responders, now) && store.Get(summary.Id) is { Status: IssueStatus.Open } issue)
            {
                work.Add((issue, responders));
            }
        }

        work.AddRange(closed.Select(issue => (issue, matcher.Matching(issue.Name))));

        var reports = new IReadOnlyList<ActionReport>[work.Count];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, options.RespondConcurrency),
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, work.Count), parallel, async (i, token) =>
            reports[i] = await response.RespondAsync(work[i].Issue, work[i].Responders, now, token).ConfigureAwait(false))
            .ConfigureAwait(false);

        return new RespondSummary(open.Count, reports.SelectMany(issueReports => issueReports).ToList(), closed.Count);
    }

    private static bool MayBeDue(IssueSummary issue, IReadOnlyList<CompiledResponder> responders, DateTimeOffset now) =>
        responders.Any(responder => issue.CreatedAt + responder.ShortestDelay <= now);
}
