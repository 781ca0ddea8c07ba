using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Conversations.Server.Health;

/// <summary>Ready while the silo is active in its lifecycle: before it joined and from the beginning of its
/// shutdown grain calls would fail, so load balancers must stop sending traffic. Not ready either from the
/// moment the host starts to stop (SIGTERM), before the silo does: new clients go elsewhere while this node
/// drains.</summary>
public sealed class SiloHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck, ILifecycleParticipant<ISiloLifecycle>
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
        Task.FromResult(
            lifetime.ApplicationStopping.IsCancellationRequested ? HealthCheckResult.Unhealthy("the node is stopping")
            : _active ? HealthCheckResult.Healthy("the silo is active")
            : HealthCheckResult.Unhealthy("the silo is not active"));
}
