using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace RulesEngine.Host.Dashboard;

/// <summary>
/// Who may press the dashboard's buttons. Without an API token, anyone who can reach the page. With one, a browser
/// signs in once by typing the token: it gets a cookie holding a secret drawn when the sidecar started (never the
/// token), which lasts until the browser closes, the person signs out, or the sidecar restarts. Reading never needs
/// it. The cookie only works for the dashboard's forms, which also carry an antiforgery token; the API still wants
/// <c>Authorization: Bearer</c>.
/// </summary>
internal sealed class DashboardSession(string? token)
{
    public const string CookieName = "rules-engine-session";

    private readonly byte[]? expected = token is null ? null : Encoding.UTF8.GetBytes(token);
    private readonly string secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>True when an API token is configured, so buttons work only for signed-in browsers.</summary>
    public bool TokenRequired => expected is not null;

    public bool IsSignedIn(HttpContext context) =>
        expected is null
        || (context.Request.Cookies[CookieName] is { } cookie
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(cookie), Encoding.ASCII.GetBytes(secret)));

    /// <summary>Sets the session cookie when <paramref name="offered"/> is the API token; false otherwise.</summary>
    public bool TrySignIn(HttpContext context, string? offered)
    {
        // Constant time, so the token cannot be guessed byte by byte from response times.
        if (expected is null || offered is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(offered), expected))
        {
            return false;
        }

        context.Response.Cookies.Append(CookieName, secret, CookieOptions(context));
        return true;
    }

    public void SignOut(HttpContext context) => context.Response.Cookies.Delete(CookieName, CookieOptions(context));

    private static CookieOptions CookieOptions(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/",
        IsEssential = true,
    };
}
