using System.Diagnostics;
using RulesEngine.RuleFiles;

namespace RulesEngine.Scripting;

/// <summary>Finds where in a rule file a script's exception was thrown, from the stack trace's line information.</summary>
internal static class ScriptErrors
{
    public static SourceLocation? Locate(Exception exception, string ruleFilePath)
    {
        var path = ruleFilePath.Replace('"', '\'');
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var frame = new StackTrace(current, fNeedFileInfo: true).GetFrames()
                .FirstOrDefault(candidate => candidate.GetFileName() == path);
            if (frame is not null)
            {
                return new SourceLocation(ruleFilePath, frame.GetFileLineNumber(), Math.Max(1, frame.GetFileColumnNumber()));
            }
        }

        return null;
    }

    /// <summary>One line for an operator: the exception's type and message, and where in the rule file.</summary>
    /// <remarks>An aggregate of one exception, as a task gathers what it threw, is described as the one exception.</remarks>
    public static string Describe(Exception exception, string ruleFilePath) => DescribeAsThrown(
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception,
        ruleFilePath);

    /// <summary>As <see cref="Describe"/>, but an aggregate is described as itself: rule code threw it.</summary>
    public static string DescribeAsThrown(Exception exception, string ruleFilePath)
    {
        var location = Locate(exception, ruleFilePath);
        var where = location is null ? "" : $" at {location}";
        return $"{exception.GetType().Name}: {exception.Message}{where}";
    }
}
