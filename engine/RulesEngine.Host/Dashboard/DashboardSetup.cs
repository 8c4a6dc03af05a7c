using System.Reflection;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RulesEngine.Host.Dashboard.Components;
using RulesEngine.Host.Sidecar;

namespace RulesEngine.Host.Dashboard;

/// <summary>
/// The dashboard: server-rendered Razor components (static SSR) on the sidecar's own Kestrel host, at <c>/</c>. Pages
/// read with JavaScript off; buttons post forms checked against cross-site request forgery.
/// </summary>
internal static class DashboardSetup
{
    private const string StylesheetResource = "RulesEngine.Host.Dashboard.dashboard.css";
    private const string KeyManagerCategory = "Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager";

    public static void AddDashboard(this IServiceCollection services, SidecarSettings settings)
    {
        services.AddRazorComponents();
        services.AddSingleton(new DashboardSession(settings.Token));

        // Antiforgery tokens are protected with keys kept beside the store, as the compile cache is, rather than under
        // the user's home: a page loaded before a restart still posts. They protect nothing else, and the folder is
        // readable by its owner only, so the warning that they are stored unencrypted is left out of the log.
        var keys = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.Store))!, "keys");
        services.AddDataProtection().SetApplicationName("rules-engine").PersistKeysToFileSystem(new DirectoryInfo(keys));
        services.Configure<LoggerFilterOptions>(filters => filters.AddFilter(KeyManagerCategory, LogLevel.Error));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "rules-engine-antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
    }

    public static void MapDashboard(this WebApplication app)
    {
        DashboardErrorPages.Use(app);
        app.UseAntiforgery();
        app.MapGet("/dashboard.css", ServeStylesheet);
        app.MapRazorComponents<App>();
    }

    private static IResult ServeStylesheet(HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=300";
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(StylesheetResource)
            ?? throw new InvalidOperationException($"The dashboard's stylesheet '{StylesheetResource}' is not embedded in the assembly.");
        return Results.Stream(stream, "text/css; charset=utf-8");
    }
}
