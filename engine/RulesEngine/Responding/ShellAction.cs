using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using RulesEngine.RuleFiles;
using RulesEngine.Templates;

namespace RulesEngine.Responding;

/// <summary>
/// Runs a program with its arguments as argv entries (no shell), the issue in environment variables, and stdin
/// closed. At the timeout the program and every process it started are killed. The details record the exit code
/// and the last 4 KB of stdout and of stderr.
/// </summary>
internal sealed class ShellAction(ShellActionDefinition definition) : IResponderAction
{
    /// <summary>How many characters of stdout and of stderr are kept in the run's details.</summary>
    private const int KeptOutput = 4096;

    /// <summary>The most bytes of JSON a program is given as its issue's details, well within Linux's 128 KiB a variable.</summary>
    internal const int MaxDetailsVariableBytes = 64 * 1024;

    /// <summary>E2BIG: what Linux answers when a program's arguments and environment are too long.</summary>
    private const int ArgumentListTooLong = 7;

    /// <summary>
    /// How long to wait for the output's end once the program has exited or been killed: a process it left in the
    /// background may hold the pipes open for ever. On the wall clock, as it bounds real I/O, not a schedule.
    /// </summary>
    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(2);

    public async Task<JsonNode?> ExecuteAsync(ActionInvocation invocation)
    {
        var start = await StartInfoAsync(invocation).ConfigureAwait(false);
        using var process = Start(start);
        var stdout = OutputTail.ReadAsync(process.StandardOutput, KeptOutput);
        var stderr = OutputTail.ReadAsync(process.StandardError, KeptOutput);

        try
        {
            await process.WaitForExitAsync(invocation.CancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception)
        {
            process.Kill(entireProcessTree: true);
            var output = await DetailsAsync(null, stdout, stderr).ConfigureAwait(false);
            throw new ActionFailedException($"'{definition.Program}' was still running at the action's timeout; it " +
                "was killed with every process it started", output, exception);
        }

        var details = await DetailsAsync(process.ExitCode, stdout, stderr).ConfigureAwait(false);
        return process.ExitCode == 0
            ? details
            : throw new ActionFailedException($"'{definition.Program}' exited with code {process.ExitCode}", details);
    }

    private Process Start(ProcessStartInfo start)
    {
        if (!Directory.Exists(start.WorkingDirectory))
        {
            throw new ActionFailedException($"the working directory '{start.WorkingDirectory}' does not exist");
        }

        var process = new Process { StartInfo = start };
        try
        {
            process.Start();
            process.StandardInput.Close();
            return process;
        }
        catch (Win32Exception exception) when (exception.NativeErrorCode == ArgumentListTooLong)
        {
            process.Dispose();
            var bytes = start.ArgumentList.Sum(Encoding.UTF8.GetByteCount)
                + start.Environment.Sum(variable => Encoding.UTF8.GetByteCount(variable.Key) + Encoding.UTF8.GetByteCount(variable.Value ?? "") + 2);
            throw new ActionFailedException(string.Create(CultureInfo.InvariantCulture,
                $"'{definition.Program}' could not be started: its arguments and environment are {bytes:N0} bytes, and Linux takes at most 128 KiB in one of them and about 2 MiB in all; give the program less of the issue (ISSUE_DETAILS is cut for this reason, a template is not)"),
                innerException: exception);
        }
        catch (Win32Exception exception)
        {
            process.Dispose();
            throw new ActionFailedException($"'{definition.Program}' could not be started: {exception.Message}",
                innerException: exception);
        }
    }

    private async Task<ProcessStartInfo> StartInfoAsync(ActionInvocation invocation)
    {
        var start = new ProcessStartInfo(definition.Program)
        {
            WorkingDirectory = definition.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        foreach (var argument in definition.Args)
        {
            start.ArgumentList.Add(await RenderAsync(argument, invocation).ConfigureAwait(false));
        }

        foreach (var (name, value) in IssueVariables(invocation))
        {
            start.Environment[name] = value;
        }

        foreach (var (name, template) in definition.Environment)
        {
            start.Environment[name] = await RenderAsync(template, invocation).ConfigureAwait(false);
        }

        return start;
    }

    private static Task<string> RenderAsync(IssueTemplate template, ActionInvocation invocation) =>
        TemplateRenderer.RenderTextAsync(template, invocation.Templates, invocation.CancellationToken);

    /// <summary>
    /// The issue as environment variables, so a script reads it without any quoting to get wrong. Linux refuses to
    /// start a program given one variable over 128 KiB (E2BIG, "Argument list too long"): details longer than
    /// <see cref="MaxDetailsVariableBytes"/> are replaced, in <c>ISSUE_DETAILS</c> and <c>ISSUE_JSON</c>, by an object
    /// saying so, and the script reads them whole from the API.
    /// </summary>
    private static IEnumerable<(string Name, string? Value)> IssueVariables(ActionInvocation invocation)
    {
        var details = invocation.Issue.Details?.ToJsonString() ?? "null";
        if (Encoding.UTF8.GetByteCount(details) is var bytes and > MaxDetailsVariableBytes)
        {
            var cut = new JsonObject
            {
                ["cut"] = string.Create(CultureInfo.InvariantCulture,
                    $"the details are {bytes:N0} bytes of JSON, more than the {MaxDetailsVariableBytes:N0} a program is given in its environment; read them from ISSUE_URL"),
            };
            invocation = invocation with { Issue = invocation.Issue with { Details = cut } };
            details = cut.ToJsonString();
        }

        var issue = invocation.Issue;
        yield return ("ISSUE_ID", issue.Id.ToString(CultureInfo.InvariantCulture));
        yield return ("ISSUE_NAME", issue.Name);
        yield return ("ISSUE_STATUS", issue.Status.ToString());
        yield return ("ISSUE_RECORD_KEY", issue.Record?.Key);
        yield return ("ISSUE_DETAILS", details);
        yield return ("ISSUE_URL", invocation.IssueUrl);
        yield return ("ISSUE_JSON", IssueJson.Document(invocation).ToJsonString());
        yield return ("RESPONDER_NAME", invocation.Responder);
        yield return ("ACTION_NAME", invocation.Action);
        yield return ("ACTION_ATTEMPT", invocation.Attempt.ToString(CultureInfo.InvariantCulture));
    }

    private static async Task<JsonObject> DetailsAsync(int? exitCode, Task<string> stdout, Task<string> stderr)
    {
        var output = Task.WhenAll(stdout, stderr);
        var ended = await Task.WhenAny(output, Task.Delay(OutputGrace, TimeProvider.System)).ConfigureAwait(false) == output;
        return new JsonObject
        {
            ["exit_code"] = exitCode,
            ["stdout"] = ended ? await stdout.ConfigureAwait(false) : "(the output did not end: a process left running holds it open)",
            ["stderr"] = ended ? await stderr.ConfigureAwait(false) : "",
        };
    }
}
