using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using RulesEngine.Issues;
using RulesEngine.RuleFiles;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Responding;

/// <summary>The <c>log</c> action's message is a template over the issue, like every other action's text.</summary>
public sealed class LogActionTests : IDisposable
{
    private readonly Workspace workspace = new();
    private readonly RecordingLoggerFactory logs = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task The_message_renders_for_the_issue_in_the_log_line_and_the_runs_details()
    {
        workspace.WriteRules("r.yaml", """
            responders:
              - name: tell
                watch: disk
                actions:
                  - log: "saw {{ issue.name }} on {{ issue.details.host }}"
                  - log: { message: "{{ issue.name | upcase }} still open", level: error }
            """);
        using var engine = workspace.OpenEngine(workspace.Options with { LoggerFactory = logs });
        var issue = engine.Issues.MaybeOpen(new IssueKey("disk full"), JsonNode.Parse("""{"host": "db1"}""")).Issue;

        await engine.RespondAsync();

        Assert.Equal(["saw disk full on db1", "DISK FULL still open"],
            engine.Issues.Get(issue.Id)!.Actions.Select(run => run.Details!["logged"]!.GetValue<string>()));
        Assert.Equal(
            [
                (LogLevel.Warning, $"saw disk full on db1 (issue {issue.Id} 'disk full')"),
                (LogLevel.Error, $"DISK FULL still open (issue {issue.Id} 'disk full')"),
            ],
            logs.Entries.Where(entry => entry.EventId == EngineEvents.ActionLog).Select(entry => (entry.Level, entry.Message)));
        Assert.Equal(
            [
                $"Action '0:log' of responder 'tell' ran on issue {issue.Id} 'disk full' (attempt 1)",
                $"Action '1:log' of responder 'tell' ran on issue {issue.Id} 'disk full' (attempt 1)",
            ],
            logs.Entries.Where(entry => entry.EventId == EngineEvents.ActionSucceeded).Select(entry => entry.Message));
    }

    [Fact]
    public void A_message_that_is_not_a_valid_template_is_a_load_error_at_its_line()
    {
        var result = RuleFileParser.Parse("r.yaml", """
            responders:
              - name: tell
                watch: disk
                actions:
                  - log: "saw {{ issue.nmae }}"
                  - log: { message: "saw {{ issue.name", level: error }
            """);

        Assert.Equal(
            [
                (5, 14, "'log': unknown field 'issue.nmae'; did you mean 'name'? (issue has id, name, status, details, " +
                    "record, created_at, last_seen_at, resolved_at, resolution, url)"),
                (6, 25, "'message': invalid template: End of tag '}}' was expected at (1:18) in the template"),
            ],
            result.Errors.Select(error => (error.Location.Line, error.Location.Column, error.Message)));
        Assert.Empty(result.File.Responders);
    }
}
