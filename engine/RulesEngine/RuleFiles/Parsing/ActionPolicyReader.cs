namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// Reads how often and how long an action runs: <c>retries</c>, <c>retry_delay</c>, <c>repeat</c> and
/// <c>timeout</c>, and refuses the ones that would have no effect where they are written.
/// </summary>
internal static class ActionPolicyReader
{
    public static readonly string[] Keys = ["retries", "retry_delay", "repeat", "timeout"];

    /// <summary>The most retries an action may ask for: with the default backoff, over two days of trying.</summary>
    private const int MostRetries = 50;

    /// <returns>The policy read, or null after reporting its errors.</returns>
    public static ActionPolicy? Read(KeyedMapping mapping, ActionTrigger trigger, bool allowRetry, ErrorCollector errors)
    {
        var before = new ErrorCount(errors);
        if (allowRetry)
        {
            RefuseUnder(mapping, ["retries", "retry_delay", "repeat"], "in a responder with allow_retry, which runs " +
                "its actions again on every respond pass", errors);
        }

        if (trigger == ActionTrigger.Resolve)
        {
            RefuseUnder(mapping, ["repeat"], "in on_resolve, whose actions run once per resolution", errors);
        }

        var policy = new ActionPolicy
        {
            Retries = mapping.Optional("retries") is { } retries
                ? NodeReader.Integer(retries, "retries", 0, MostRetries, errors) ?? 0
                : ActionDefinition.DefaultRetries,
            RetryDelay = Duration(mapping, "retry_delay", DurationParser.LongestDelay, errors),
            Repeat = Duration(mapping, "repeat", DurationParser.LongestDelay, errors),
            Timeout = Duration(mapping, "timeout", DurationParser.LongestTimeout, errors),
        };
        return before.Grew ? null : policy;
    }

    private static TimeSpan? Duration(KeyedMapping mapping, string key, TimeSpan longest, ErrorCollector errors) =>
        mapping.Optional(key) is { } node ? DurationParser.Read(node, key, allowZero: false, longest, errors) : null;

    private static void RefuseUnder(KeyedMapping mapping, string[] keys, string where, ErrorCollector errors)
    {
        foreach (var key in keys)
        {
            if (mapping.Entry(key) is { } entry)
            {
                errors.Add(entry.Key.Start, $"'{key}' has no effect {where}; remove it");
            }
        }
    }
}
