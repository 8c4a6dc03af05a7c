namespace RulesEngine.Checking;

/// <summary>How one run of a rule ended.</summary>
public enum RuleOutcome
{
    /// <summary>All is well: the rule's open issues were resolved.</summary>
    Passed,

    /// <summary>Something is wrong: issues were opened or kept open.</summary>
    Failed,

    /// <summary>
    /// The rule could not tell: its check threw, timed out, or its source could not be read. Issues it could not
    /// judge are left as they were.
    /// </summary>
    Error,

    /// <summary>
    /// The run was not started: the rule's previous run, abandoned at its timeout, is still going (its code ignores
    /// cancellation). Counted as a skipped run, not as an error.
    /// </summary>
    Skipped,
}
