using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace RulesEngine.Host.Api;

/// <summary>
/// The last segment of a request's path as the client wrote it, percent-decoded exactly once. ASP.NET decodes a
/// path before routing except for <c>%2F</c>, which it leaves encoded so that it does not split the path: a route
/// value of <c>a%2Fb</c> may come from <c>a%2Fb</c> (meaning <c>a/b</c>) or from <c>a%252Fb</c> (meaning
/// <c>a%2Fb</c>). Only the raw request target tells them apart.
/// </summary>
internal static class PathSegment
{
    /// <param name="routeValue">The route's value, used when the raw target is not a plain path (it always is from a usual client).</param>
    public static string Decoded(HttpContext context, string routeValue)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (raw is null || !raw.StartsWith('/'))
        {
            return routeValue;
        }

        var path = raw.Split('?', 2)[0];
        var segment = path[(path.LastIndexOf('/') + 1)..];
        return Uri.UnescapeDataString(segment);
    }
}
