namespace RulesEngine.Templates;

/// <summary>
/// A template could not be rendered for an issue, most often because it names a field the details do not
/// have. The message says which template (key and rule-file position) and what was missing; the action fails with it.
/// </summary>
public sealed class TemplateRenderException : Exception
{
    public TemplateRenderException(string message)
        : base(message)
    {
    }

    public TemplateRenderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
