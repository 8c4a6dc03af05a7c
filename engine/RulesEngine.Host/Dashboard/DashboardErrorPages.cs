using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using RulesEngine.Host.Api;

namespace RulesEngine.Host.Dashboard;

/// <summary>
/// Gives every error the dashboard would answer with an empty body a page in the dashboard's layout, keeping its
/// status: a path nothing answers gets the not-found page (404), and a post refused before any page could take it (its
/// antiforgery token missing or wrong, or no form of its name on the page) a page saying why (400). As ASP.NET Core's
/// status code pages do, the request is run again for <c>/error/{status}</c>. Errors under the API's paths are left
/// to <see cref="ApiErrorPages"/>, which writes them as JSON.
/// </summary>
internal static class DashboardErrorPages
{
    /// <summary>Adds the middleware; call it before the dashboard's antiforgery check and pages.</summary>
    public static void Use(WebApplication app)
    {
        app.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true);
        app.Use(ShowPagesAsync);
    }

    /// <summary>The path asked for, as in the address: while an error page is shown for a request, not the page's own.</summary>
    public static string RequestedPath(HttpContext context) =>
        new PathString(context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? context.Request.Path.Value)
            .ToUriComponent();

    private static async Task ShowPagesAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await RunAsGetAsync(context, next);
            return;
        }

        if (!GetsPage(context.Request))
        {
            context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            await next(context);
            return;
        }

        await next(context);

        // A page's endpoint declares HTML before it refuses a post, then refuses it without writing any. Status code
        // pages take a declared type for a body written, so the declaration is withdrawn.
        if (context.Response is { HasStarted: false, StatusCode: >= 400 })
        {
            context.Response.ContentType = null;
        }
    }

    /// <summary>
    /// Not the API's requests, and only gets and posts: the error pages take no other method, as no page does, so a
    /// request with another one, run again, would be answered 405 in place of its own error.
    /// </summary>
    private static bool GetsPage(HttpRequest request) =>
        !ApiErrorPages.IsApi(request.Path) && (HttpMethods.IsGet(request.Method) || HttpMethods.IsPost(request.Method));

    /// <summary>
    /// Runs a request again for its error page as a get: run again as a post, it would be refused again for the reason
    /// it was refused the first time, its token checked and its form looked for on the error page.
    /// </summary>
    private static async Task RunAsGetAsync(HttpContext context, RequestDelegate next)
    {
        var method = context.Request.Method;
        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = method;
        }
    }
}
