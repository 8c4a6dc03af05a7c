namespace RulesEngine.Templates;

/// <summary>
/// The names a template can use, checked when it loads: the variables at its top level and the fields of each.
/// The fields of <c>issue.details</c> are the issue's own, known only when the action runs.
/// </summary>
internal static class TemplateNames
{
    public const string Issue = "issue";
    public const string Responder = "responder";
    public const string Action = "action";
    public const string Details = "details";
    public const string Record = "record";

    public static readonly IReadOnlyList<string> Variables = [Issue, Responder, Action];

    public static readonly IReadOnlyList<string> IssueFields =
        ["id", "name", "status", Details, Record, "created_at", "last_seen_at", "resolved_at", "resolution", "url"];

    public static readonly IReadOnlyList<string> RecordFields = ["key", "source"];

    public static readonly IReadOnlyList<string> ResponderFields = ["name"];

    public static readonly IReadOnlyList<string> ActionFields = ["name", "attempt"];

    /// <summary>The loop variables Liquid defines inside <c>for</c> and <c>tablerow</c> blocks.</summary>
    public static readonly IReadOnlyList<string> Builtins = ["forloop", "tablerowloop"];

    /// <summary>The fields of the object a path of identifiers leads to, or null when they are not known at load.</summary>
    public static IReadOnlyList<string>? FieldsOf(IReadOnlyList<string> path) => path switch
    {
        [Issue] => IssueFields,
        [Issue, Record] => RecordFields,
        [Responder] => ResponderFields,
        [Action] => ActionFields,
        _ => null,
    };
}
