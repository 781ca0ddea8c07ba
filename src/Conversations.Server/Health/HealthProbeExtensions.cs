using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Conversations.Server.Health;

/// <summary>Liveness and readiness probes for orchestrators and load balancers.</summary>
public static class HealthProbeExtensions
{
    private const string ReadyTag = "ready";

    /// <summary>Registers the checks behind <c>/health/ready</c>.</summary>
    public static IServiceCollection AddHealthProbes(this IServiceCollection services)
    {
        // One instance: the silo's lifecycle tells it when the silo is active, the probe reads it.
        services.AddSingleton<SiloHealthCheck>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SiloHealthCheck>());
        services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo", tags: [ReadyTag]);
        return services;
    }

    /// <summary>Maps <c>/health/live</c> (200 whenever the process serves requests: it runs no check, so a
    /// busy dependency never gets the process restarted) and <c>/health/ready</c> (200 when every ready
    /// check passes, 503 otherwise).</summary>
    public static IEndpointRouteBuilder MapHealthProbes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return endpoints;
    }
}
