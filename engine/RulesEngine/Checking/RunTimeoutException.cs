namespace RulesEngine.Checking;

/// <summary>Rule code overran its timeout. <see cref="Work"/> is the abandoned run, which may still be going.</summary>
internal sealed class RunTimeoutException(Task work) : TimeoutException
{
    public Task Work { get; } = work;
}
