using System.Text;
using RulesEngine.RuleFiles;

namespace RulesEngine.Tests.RuleFiles;

/// <summary>
/// Writes definitions as text without their file positions, so that definitions read from different files
/// (YAML and JSON) can be compared. Regexes, schedules and JSON objects are written by value.
/// </summary>
internal static class DefinitionText
{
    public static string Of(RuleFileDefinition file)
    {
        var text = new StringBuilder($"usings: {string.Join(", ", file.Usings)}\n");
        foreach (var assertion in file.Assertions.Concat(file.ModelAssertions))
        {
            text.AppendLine(Of(assertion));
        }

        foreach (var responder in file.Responders)
        {
            text.AppendLine(Of(responder));
        }

        return text.ToString();
    }

    public static string Of(AssertionDefinition assertion)
    {
        var text = $"assertion {assertion.Name} | {assertion.Description} | {assertion.Schedule} | " +
            $"{assertion.TimeZone?.Id} | {assertion.Timeout} | {assertion.Params?.ToJsonString()} | " +
            $"{assertion.Check.Text}";
        return assertion is ModelAssertionDefinition model
            ? $"{text} | {model.Source.Describe()} {(model.Source as SqliteSourceDefinition)?.Query} " +
                $"{(model.Source as CSharpSourceDefinition)?.Expression.Text} | {model.Key} | " +
                string.Join(", ", model.Fields.Select(field => $"{field.Name}: {field.Type}"))
            : text;
    }

    public static string Of(ResponderDefinition responder) =>
        $"responder {responder.Name} | {responder.Description} | {responder.Watch} | {responder.Pattern} | " +
        $"{responder.Pattern.Options} | {responder.Pattern.MatchTimeout} | {responder.AllowRetry}\n" +
        string.Join("\n", responder.Actions.Select(Of));

    private static string Of(ActionDefinition action) => action switch
    {
        RunActionDefinition run => $"  {run.Key} after {run.Delay}: run {run.Code.Text}",
        LogActionDefinition log => $"  {log.Key} after {log.Delay}: log {log.Level} {log.Message}",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action.GetType().Name, "unknown action"),
    };
}
