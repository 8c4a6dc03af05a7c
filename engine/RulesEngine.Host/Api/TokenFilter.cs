using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace RulesEngine.Host.Api;

/// <summary>
/// Guards state-changing endpoints: when a token is configured, a request must carry
/// <c>Authorization: Bearer &lt;token&gt;</c>. Reading needs no token.
/// </summary>
internal sealed class TokenFilter(string? token) : IEndpointFilter
{
    private readonly byte[]? expected = token is null ? null : Encoding.UTF8.GetBytes(token);

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (expected is null || Carries(context.HttpContext.Request))
        {
            return next(context);
        }

        return ValueTask.FromResult<object?>(ApiErrors.Of(StatusCodes.Status401Unauthorized,
            "This request changes state and needs the API token: send 'Authorization: Bearer <token>'."));
    }

    private bool Carries(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Constant time, so the token cannot be guessed byte by byte from response times.
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), expected);
    }
}
