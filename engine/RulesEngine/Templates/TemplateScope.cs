using System.Globalization;
using Fluid;
using Fluid.Values;
using RulesEngine.Issues;

namespace RulesEngine.Templates;

/// <summary>
/// What the templates of one action run see: <c>issue</c> (with its details, record, times and link),
/// <c>responder</c> and <c>action</c>. Built once per run and shared by the run's templates.
/// </summary>
internal sealed class TemplateScope
{
    /// <summary>Shared by every render: dates in UTC, numbers in the invariant culture, a misspelt filter an error.</summary>
    private static readonly TemplateOptions Options = new TemplateOptionsBuilder()
        .WithStrictFilters(true)
        .WithTimeZone(TimeZoneInfo.Utc)
        .WithCultureInfo(CultureInfo.InvariantCulture)
        .WithModelNamesComparer(StringComparer.Ordinal)
        .WithMaxSteps(100_000)
        .WithMaxOutputSize(1_000_000)
        .Build();

    /// <summary>The names of the filters templates can use, for the check at load.</summary>
    public static IReadOnlyCollection<string> FilterNames { get; } = Options.Filters.Select(filter => filter.Key).ToList();

    private readonly FluidValue issue;
    private readonly FluidValue responder;
    private readonly FluidValue action;
    private readonly DateTimeOffset now;

    /// <param name="issueUrl">The issue's link in the API, or null when the engine has no API base URL.</param>
    public TemplateScope(Issue issue, string responder, string action, int attempt, string? issueUrl, DateTimeOffset now)
    {
        this.issue = IssueValue(issue, issueUrl);
        this.responder = Object(TemplateNames.Responder, new() { ["name"] = StringValue.Create(responder) });
        this.action = Object(TemplateNames.Action, new()
        {
            ["name"] = StringValue.Create(action),
            ["attempt"] = NumberValue.Create(attempt),
        });
        this.now = now;
    }

    public TemplateContext CreateContext(CancellationToken cancellationToken)
    {
        var context = new TemplateContext(Options, StringComparer.Ordinal)
        {
            Now = () => now,
            CancellationToken = cancellationToken,
        };
        context.SetValue(TemplateNames.Issue, issue);
        context.SetValue(TemplateNames.Responder, responder);
        context.SetValue(TemplateNames.Action, action);
        return context;
    }

    private static StrictObjectValue IssueValue(Issue issue, string? issueUrl)
    {
        FluidValue url = issueUrl is null
            ? new UnavailableValue("'issue.url' needs the engine's API base URL (EngineOptions.ApiBaseUrl, or the " +
                "RULES_ENGINE_API_URL environment variable of the command line), and none is set")
            : StringValue.Create(issueUrl);
        return Object(TemplateNames.Issue, new()
        {
            ["id"] = NumberValue.Create(issue.Id),
            ["name"] = StringValue.Create(issue.Name),
            ["status"] = StringValue.Create(issue.Status.ToString()),
            [TemplateNames.Details] = JsonTemplateValues.From(issue.Details, "issue.details"),
            [TemplateNames.Record] = issue.Record is null ? NilValue.Instance : Object("issue.record", new()
            {
                ["key"] = StringValue.Create(issue.Record.Key),
                ["source"] = StringValue.Create(issue.Record.Source),
            }),
            ["created_at"] = DateTimeValue.Create(issue.CreatedAt),
            ["last_seen_at"] = DateTimeValue.Create(issue.LastSeenAt),
            ["resolved_at"] = issue.ResolvedAt is { } resolvedAt ? DateTimeValue.Create(resolvedAt) : NilValue.Instance,
            ["resolution"] = issue.Resolution is null ? NilValue.Instance : StringValue.Create(issue.Resolution),
            ["url"] = url,
        });
    }

    private static StrictObjectValue Object(string path, Dictionary<string, FluidValue> fields) =>
        new(path, fields, value: null);
}
