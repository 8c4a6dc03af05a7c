using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using RulesEngine.Compilation;
using RulesEngine.Scripting;

namespace RulesEngine;

/// <summary>
/// Keeps an exception that rule code throws on a thread of its own from ending the process. A check runs inside the
/// engine's error handling, but code it starts outside itself does not: an <c>async void</c> lambda, a
/// <c>new Thread</c>, a <c>ThreadPool.QueueUserWorkItem</c> or a timer callback that throws would end .NET's process,
/// and every other rule and the sidecar's API with it. Once installed, such an exception ends only its own thread and
/// is logged at Error (<see cref="EngineEvents.RuleThreadError"/>) through the logs of the engine that loaded the rule.
/// </summary>
/// <remarks>
/// Only exceptions whose stack trace holds a frame of a compiled rule file are kept from ending the process. Any other
/// unhandled exception is a bug in the engine or the application around it, and still ends the process as .NET
/// decides, so that it is not hidden. The executable installs the guard at start; an application that embeds the
/// engine opts in by calling <see cref="Install"/> once.
/// </remarks>
public static class RuleThreadGuard
{
    private const string Message = "Rule code in {File} (rule {Rule}) threw on a thread of its own, outside any check or "
        + "action: {Error}; the engine goes on";

    private static readonly Lock Installing = new();
    private static bool installed;

    /// <summary>Installs the guard for the whole process. Later calls do nothing.</summary>
    /// <exception cref="InvalidOperationException">
    /// The application already installed its own handler with
    /// <see cref="ExceptionHandling.SetUnhandledExceptionHandler"/>: .NET keeps only one per process.
    /// </exception>
    public static void Install()
    {
        lock (Installing)
        {
            if (!installed)
            {
                ExceptionHandling.SetUnhandledExceptionHandler(Handle);
                installed = true;
            }
        }
    }

    /// <summary>
    /// True when the exception came from rule code, which is then logged; false leaves the exception fatal. Runs on the
    /// thread that threw, just before it ends.
    /// </summary>
    internal static bool Handle(Exception exception)
    {
        RuleLoadContext? rules;
        Type? type;
        try
        {
            (rules, type) = RuleFrame(exception);
        }
        catch (Exception)
        {
            // Unable to tell whether rule code threw: the exception stays what it was, fatal.
            return false;
        }

        if (rules is null)
        {
            return false;
        }

        Report(rules, type, exception);
        return true;
    }

    /// <summary>The load context and declaring type of the first frame on the stack that is compiled rule code.</summary>
    private static (RuleLoadContext? Rules, Type? Type) RuleFrame(Exception exception)
    {
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: false).GetFrames())
        {
            if (frame.GetMethod() is { } method && RuleLoadContext.Holding(method) is { } rules)
            {
                return (rules, method.DeclaringType);
            }
        }

        return (null, null);
    }

    private static void Report(RuleLoadContext rules, Type? type, Exception exception)
    {
        var path = rules.File.Path;
        try
        {
            var rule = type is null ? null : GeneratedTypeNames.RuleOf(rules.File, type);
            rules.Logs.CreateLogger(rule is null ? typeof(RuleThreadGuard).FullName! : $"Rules.{rule}")
                .LogError(EngineEvents.RuleThreadError, Message, path, rule ?? "unknown", ScriptErrors.DescribeAsThrown(exception, path));
        }
        catch (Exception failure)
        {
            // The exception is handled either way: a failure to report it must not end the process instead.
            Console.Error.WriteLine($"Rule code in {path} threw on a thread of its own ({exception.Message}), "
                + $"and reporting it failed: {failure.Message}");
        }
    }
}
