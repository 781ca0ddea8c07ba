using Conversations.Actors;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Conversations.Server.Health;

/// <summary>Ready while the silo runs: before start and from the beginning of shutdown, grain calls
/// would fail, so load balancers must stop sending traffic.</summary>
public sealed class SiloHealthCheck(Silo silo) : IHealthCheck
{
    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(silo.IsRunning
            ? HealthCheckResult.Healthy($"{silo.ActivationCount} activations")
            : HealthCheckResult.Unhealthy("the silo is not running"));
}
