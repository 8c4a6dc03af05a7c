using System.Text;
using System.Text.Json.Nodes;
using RulesEngine.Benchmarks.Support;
using RulesEngine.Issues;
using RulesEngine.Responding;

namespace RulesEngine.Benchmarks.Responding;

/// <summary>
/// A store of 100,000 open issues and 50 responders with regular expressions. The issues belong to 1,000 names
/// ("service-07 failing check 13"), 100 records each, as model assertions make them; each name is watched by one
/// responder, whose action waits a day, so nothing is due. With <see cref="Due"/>, one more responder acts at once on
/// ten of the names: 1% of the issues. The store is built once and copied before each pass, so every pass starts
/// from the same issues.
/// </summary>
public sealed class RespondWorkspace : IDisposable
{
    public const int Services = 50;
    public const int ChecksPerService = 20;
    public const int RecordsPerName = 100;
    public const int Issues = Services * ChecksPerService * RecordsPerName;

    /// <summary>Issues the due responder acts on: ten of the names, 1% of the issues.</summary>
    public const int DueIssues = 10 * RecordsPerName;

    private readonly BenchmarkFolder folder = new("respond");

    public RespondWorkspace(bool due)
    {
        Due = due;
        folder.WriteRules("responders.yaml", Responders(due));
        BuildTemplate();
    }

    public bool Due { get; }

    public Engine Engine { get; private set; } = null!;

    private string TemplatePath => folder.PathOf("template.db");

    /// <summary>Opens an engine on a fresh copy of the 100,000 issues.</summary>
    public void OpenFreshCopy()
    {
        Engine?.Dispose();
        Directory.CreateDirectory(Path.GetDirectoryName(folder.StorePath)!);
        File.Copy(TemplatePath, folder.StorePath, overwrite: true);
        Engine = Engine.Open(folder.Options(compileCache: folder.PathOf("compiled")));
        var rules = Engine.LoadRules();
        if (rules.Errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, rules.Errors));
        }
    }

    public RespondSummary Respond() => Engine.RespondAsync().GetAwaiter().GetResult();

    /// <summary>Checks a pass: every open issue walked, and exactly the due actions run, all succeeded.</summary>
    public void Verify(RespondSummary summary)
    {
        MismatchException.ThrowIfDifferent("open issues walked", Issues, summary.OpenIssues);
        MismatchException.ThrowIfDifferent("actions run", Due ? DueIssues : 0, summary.Actions.Count);
        MismatchException.ThrowIfDifferent("actions succeeded", Due ? DueIssues : 0, summary.Succeeded);
    }

    public void Dispose()
    {
        Engine?.Dispose();
        folder.Dispose();
    }

    private static string Name(int service, int check) => $"service-{service:00} failing check {check}";

    private static string Responders(bool due)
    {
        var text = new StringBuilder("responders:\n");
        for (var service = 0; service < Services; service++)
        {
            text.Append($$"""
                  - name: on-call for service {{service}}
                    watch: "service-{{service:00}} (failing|down|slow)( check [0-9]+)?$"
                    actions:
                      - delay: 1d
                        log: "still failing after a day"

                """);
        }

        if (due)
        {
            text.Append("""
                  - name: first responder
                    watch: "service-00 failing check [0-9]$"
                    actions:
                      - log: "acting at once"

                """);
        }

        return text.ToString();
    }

    private void BuildTemplate()
    {
        using (var store = IssueStore.Open(TemplatePath))
        {
            for (var service = 0; service < Services; service++)
            {
                for (var check = 0; check < ChecksPerService; check++)
                {
                    var failures = Enumerable.Range(0, RecordsPerName)
                        .Select(record => new RecordFailure($"record-{record}", JsonNode.Parse($$"""{"record": {{record}}, "latency_ms": {{record * 7}}}""")))
                        .ToList();
                    store.ApplyModelPass(Name(service, check), "benchmark", new ModelPassChanges(failures, [], []));
                }
            }
        }

        File.Delete(TemplatePath + ".lock");
        File.Delete(TemplatePath + ".holder");
    }
}
