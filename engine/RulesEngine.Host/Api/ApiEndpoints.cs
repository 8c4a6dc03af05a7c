using Microsoft.AspNetCore.Builder;
using RulesEngine.Host.Sidecar;

namespace RulesEngine.Host.Api;

/// <summary>Maps every HTTP endpoint of the sidecar.</summary>
internal static class ApiEndpoints
{
    public static void Map(WebApplication app, SidecarSettings settings)
    {
        var token = new TokenFilter(settings.Token);
        IssueEndpoints.Map(app, token);
        HeartbeatEndpoints.Map(app, token);
        RuleEndpoints.Map(app, token);
        HealthEndpoints.Map(app);
    }
}
