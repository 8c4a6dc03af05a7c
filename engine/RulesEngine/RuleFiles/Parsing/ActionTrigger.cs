namespace RulesEngine.RuleFiles.Parsing;

/// <summary>Which list of a responder an action is read from: what makes it run.</summary>
internal enum ActionTrigger
{
    /// <summary><c>actions</c>: while the issue is open.</summary>
    Open,

    /// <summary><c>on_resolve</c>: once the issue is resolved.</summary>
    Resolve,
}
