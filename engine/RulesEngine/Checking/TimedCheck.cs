using RulesEngine.Scripting;

namespace RulesEngine.Checking;

/// <summary>
/// Runs rule code on the thread pool under a timeout. The token passed to the code is cancelled at the timeout,
/// but code that ignores it (a <c>while (true) {}</c>) cannot be stopped by .NET: its thread is abandoned and
/// keeps a core busy until the process exits. The caller gets its timeout error on time either way.
/// </summary>
internal static class TimedCheck
{
    public static async Task<T> RunAsync<T>(
        Func<CancellationToken, Task<T>> run, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken);
        var work = Task.Run(() => run(linked.Token), linked.Token);
        try
        {
            return await work.WaitAsync(timeout, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new RunTimeoutException(work);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new RunTimeoutException(work);
        }
    }

    public static string Describe(Exception exception, string ruleFilePath, TimeSpan timeout) => exception switch
    {
        RunTimeoutException => $"the check ran longer than its timeout of {timeout.TotalSeconds:0.###} s and was abandoned",
        _ => ScriptErrors.Describe(exception, ruleFilePath),
    };
}
