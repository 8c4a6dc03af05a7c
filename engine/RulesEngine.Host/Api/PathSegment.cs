using System.Globalization;
using System.Text;
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
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <returns>The segment, or null when it holds a malformed escape (<c>%2</c>) or its bytes are not UTF-8 (<c>%FF</c>, a
    /// Latin-1 client's "ÿ").</returns>
    /// <param name="routeValue">The route's value, used when the raw target is not a plain path (it always is from a usual client).</param>
    public static string? Decoded(HttpContext context, string routeValue)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (raw is null || !raw.StartsWith('/'))
        {
            return routeValue;
        }

        var path = raw.Split('?', 2)[0];
        return Unescaped(path[(path.LastIndexOf('/') + 1)..]);
    }

    /// <summary>What <paramref name="segment"/>'s percent escapes stand for, read as UTF-8; null when they cannot be read.</summary>
    private static string? Unescaped(string segment)
    {
        var bytes = new List<byte>(segment.Length);
        for (var i = 0; i < segment.Length; i++)
        {
            if (segment[i] == '%')
            {
                // A '%' begins an escape of two hex digits; anything else ('%', '%2', '%G1') is not a name anyone meant.
                if (i + 2 >= segment.Length || !byte.TryParse(segment.AsSpan(i + 1, 2),
                        NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var escaped))
                {
                    return null;
                }

                bytes.Add(escaped);
                i += 2;
            }
            else
            {
                // The text up to the next escape, whole, so that a surrogate pair stays a pair.
                var end = segment.IndexOf('%', i + 1) is var next and >= 0 ? next : segment.Length;
                bytes.AddRange(Encoding.UTF8.GetBytes(segment[i..end]));
                i = end - 1;
            }
        }

        try
        {
            return Strict.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The answer to a path whose segment is not UTF-8.</summary>
    public static IResult NotPercentEncodedUtf8(string what) => ApiErrors.Of(StatusCodes.Status400BadRequest,
        $"The {what} in the path is not percent-encoded UTF-8: each '%' must begin an escape of two hex digits, and the escaped bytes must be UTF-8.");
}
