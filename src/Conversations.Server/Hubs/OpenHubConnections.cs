using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.Server.Hubs;

/// <summary>Every widget and console connection open on this node, closed as soon as the node starts to stop
/// (SIGTERM): Kestrel would otherwise keep their WebSockets open until its shutdown timeout, and the clients
/// would learn only then that they must move. Closed early, they reconnect to another node (through the load
/// balancer, which the readiness probe now steers away from this one) while this node still answers the
/// calls in flight, then drains.</summary>
public sealed class OpenHubConnections(IHostApplicationLifetime lifetime) : IHostedService
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new(StringComparer.Ordinal);
    private CancellationTokenRegistration _stopping;

    public void Opened(HubCallerContext context)
    {
        _open[context.ConnectionId] = context;
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            context.Abort();
        }
    }

    public void Closed(string connectionId) => _open.TryRemove(connectionId, out _);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _stopping = lifetime.ApplicationStopping.Register(() =>
        {
            foreach (var context in _open.Values)
            {
                context.Abort();
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _stopping.DisposeAsync().AsTask();
}
