using Conversations.Server.Auth;
using Orleans.Dashboard;

namespace Conversations.Server.Observability;

/// <summary>The Orleans Dashboard (grains, calls, reminders, silos) at <c>/dashboard</c> when enabled, for
/// the workspace's admins only: it shows every tenant's grains, so the console's sign-in and the admin role
/// guard it like any admin route.</summary>
public static class DashboardExtensions
{
    public const string Path = "/dashboard";

    /// <summary><c>Orleans:Dashboard=true</c> turns it on; it is off by default because it profiles every
    /// grain call: measured with <c>e2e --quick</c>, the same code saturated at about 1,900 messages/s
    /// without it and about 1,100/s with it.</summary>
    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue("Orleans:Dashboard", false);

    public static IEndpointRouteBuilder MapAdminDashboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (IsEnabled(endpoints.ServiceProvider.GetRequiredService<IConfiguration>()))
        {
            endpoints.MapOrleansDashboard(Path).RequireAuthorization(AuthPolicies.Admin);
        }

        return endpoints;
    }
}
