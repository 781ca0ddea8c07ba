using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Conversations.Server.Health;

/// <summary>Ready while the silo is active in its lifecycle: before it joined and from the beginning of its
/// shutdown grain calls would fail, so load balancers must stop sending traffic.</summary>
public sealed class SiloHealthCheck : IHealthCheck, ILifecycleParticipant<ISiloLifecycle>
{
    private volatile bool _active;

    /// <inheritdoc/>
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(
            nameof(SiloHealthCheck),
            ServiceLifecycleStage.Active,
            _ =>
            {
                _active = true;
                return Task.CompletedTask;
            },
            _ =>
            {
                _active = false;
                return Task.CompletedTask;
            });
    }

    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_active
            ? HealthCheckResult.Healthy("the silo is active")
            : HealthCheckResult.Unhealthy("the silo is not active"));
}
