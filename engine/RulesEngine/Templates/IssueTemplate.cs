using Fluid;
using RulesEngine.RuleFiles;

namespace RulesEngine.Templates;

/// <summary>
/// Text with Liquid markup, such as <c>{{ issue.name }} is {{ issue.status }}</c>, rendered for one issue each time
/// an action runs. Parsed when its rule file loads: a syntax error, or a name no issue has, is a load error there.
/// </summary>
public sealed class IssueTemplate
{
    internal IssueTemplate(string key, string text, SourceLocation location, IFluidTemplate parsed)
    {
        Key = key;
        Text = text;
        Location = location;
        Parsed = parsed;
    }

    /// <summary>The rule file key the template was written under, such as <c>subject</c>, for messages.</summary>
    public string Key { get; }

    /// <summary>The template as written.</summary>
    public string Text { get; }

    public SourceLocation Location { get; }

    /// <summary>True when the text has no markup, so it renders as itself and can be checked when it loads.</summary>
    public bool IsPlainText => !Text.Contains("{{", StringComparison.Ordinal) && !Text.Contains("{%", StringComparison.Ordinal);

    internal IFluidTemplate Parsed { get; }

    public override string ToString() => Text;
}
