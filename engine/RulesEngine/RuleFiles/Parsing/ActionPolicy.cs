namespace RulesEngine.RuleFiles.Parsing;

/// <summary>The run policy of one action, read before its kind's own keys and applied to its definition.</summary>
internal sealed record ActionPolicy
{
    public required int Retries { get; init; }

    public TimeSpan? RetryDelay { get; init; }

    public TimeSpan? Repeat { get; init; }

    public TimeSpan? Timeout { get; init; }

    public ActionDefinition ApplyTo(ActionDefinition action) => action with
    {
        Retries = Retries,
        RetryDelay = RetryDelay,
        Repeat = Repeat,
        Timeout = Timeout,
    };
}
