namespace RulesEngine.Responding;

/// <summary>
/// Runs an action under its timeout. The action's token is cancelled at the timeout, and the built-in actions stop
/// then (a program is killed, a request aborted). C# that ignores the token cannot be stopped by .NET: it is
/// abandoned a little later, still running on its thread, and the run fails on time all the same.
/// </summary>
internal static class ActionTimer
{
    /// <summary>How long past its timeout an action that ignores cancellation is waited for before it is abandoned.</summary>
    private static readonly TimeSpan AbandonAfter = TimeSpan.FromSeconds(5);

    /// <exception cref="TimeoutException">The action ran past its timeout and stopped with no failure of its own.</exception>
    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> run, TimeSpan timeout,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken);
        var work = Task.Run(() => run(linked.Token), CancellationToken.None);
        try
        {
            return await work.WaitAsync(timeout + AbandonAfter, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or TimeoutException
            && timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"the action ran longer than its timeout of {timeout.TotalSeconds:0.###} s and was stopped", exception);
        }
    }
}
