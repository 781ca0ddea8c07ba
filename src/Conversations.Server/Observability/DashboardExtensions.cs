using Conversations.Server.Auth;
using Orleans.Dashboard;

namespace Conversations.Server.Observability;

/// <summary>The Orleans Dashboard (grains, calls, reminders, silos) at <c>/dashboard</c>, for the
/// workspace's admins only: it shows every tenant's grains, so the console's sign-in and the admin role
/// guard it like any admin route.</summary>
public static class DashboardExtensions
{
    public const string Path = "/dashboard";

    public static IEndpointRouteBuilder MapAdminDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOrleansDashboard(Path).RequireAuthorization(AuthPolicies.Admin);
        return endpoints;
    }
}
