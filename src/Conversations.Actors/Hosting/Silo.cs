using Microsoft.Extensions.Hosting;

namespace Conversations.Actors;

/// <summary>The silo as a hosted service: starts the reminders and sweeps, and on stop deactivates
/// every activation (so <c>OnDeactivateAsync</c> runs) before the host ends.</summary>
public sealed class Silo : IHostedService, IDisposable
{
    private readonly SiloRuntime _runtime;

    internal Silo(SiloRuntime runtime) => _runtime = runtime;

    /// <summary>True between start and stop: the readiness probe reports it.</summary>
    public bool IsRunning { get; private set; }

    /// <summary>Live activations.</summary>
    public int ActivationCount => _runtime.Catalog.Count;

    /// <summary>The grain factory of this silo.</summary>
    public IGrainFactory GrainFactory => _runtime.GrainFactory;

    internal SiloRuntime Runtime => _runtime;

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _runtime.Reminders.StartAsync(cancellationToken);
        _runtime.Catalog.Start();
        IsRunning = true;
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        IsRunning = false;
        _runtime.Reminders.Dispose();
        await _runtime.Catalog.DeactivateAllAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public void Dispose() => _runtime.Dispose();
}
