using System.Text.Encodings.Web;
using Fluid;

namespace RulesEngine.Templates;

/// <summary>Renders a template for one action run; every failure becomes a <see cref="TemplateRenderException"/>.</summary>
internal static class TemplateRenderer
{
    /// <summary>For text that goes out as it renders: subjects, plain bodies, URLs, arguments, headers.</summary>
    public static Task<string> RenderTextAsync(IssueTemplate template, TemplateScope scope, CancellationToken token) =>
        RenderAsync(template, scope, NullEncoder.Default, token);

    /// <summary>For HTML bodies: values from the issue are HTML-encoded, so details cannot inject markup.</summary>
    public static Task<string> RenderHtmlAsync(IssueTemplate template, TemplateScope scope, CancellationToken token) =>
        RenderAsync(template, scope, HtmlEncoder.Default, token);

    private static async Task<string> RenderAsync(
        IssueTemplate template, TemplateScope scope, TextEncoder encoder, CancellationToken token)
    {
        try
        {
            return await template.Parsed.RenderAsync(scope.CreateContext(token), encoder, isolateContext: false)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception) when (exception is TemplateRenderException or FluidException
            or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            throw new TemplateRenderException(
                $"the '{template.Key}' template at {template.Location} failed: {exception.Message}", exception);
        }
    }
}
