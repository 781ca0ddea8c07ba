using System.Threading.Channels;
using Conversations.Contracts;
using Conversations.Server.Events;

namespace Conversations.Server.Cluster;

/// <summary>Sends each event published on this silo to the <see cref="IEdgeEventService"/> of every other
/// active silo that has an audience for it (<see cref="RemoteAudiences"/>), one ordered outbox per destination,
/// so a slow or dying silo holds up only its own events. Destinations follow Orleans' membership: a silo
/// declared dead is dropped, a new one joins.</summary>
public sealed partial class EdgeEventForwarder(
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    IEdgeEventServiceClient services,
    RemoteAudiences audiences,
    ILogger<EdgeEventForwarder> logger) : BackgroundService, IConversationEventHandler
{
    private readonly Channel<ConversationEvent> _events = Channel.CreateUnbounded<ConversationEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<SiloAddress, SiloOutbox> _outboxes = [];
    private MembershipVersion _seenVersion = MembershipVersion.MinValue;

    public void Handle(ConversationEvent conversationEvent) => _events.Writer.TryWrite(conversationEvent);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var conversationEvent in _events.Reader.ReadAllAsync(stoppingToken))
            {
                FollowMembership(stoppingToken);

                // A silo alone (the embedded default) has nobody to forward to: no keys to build per event.
                if (_outboxes.Count == 0)
                {
                    continue;
                }

                var keys = AudienceKeys.For(conversationEvent);
                foreach (var (silo, outbox) in _outboxes)
                {
                    if (audiences.Wants(silo, keys))
                    {
                        outbox.Post(conversationEvent);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            await Task.WhenAll(_outboxes.Values.Select(o => o.CloseAsync()));
        }
    }

    private void FollowMembership(CancellationToken stoppingToken)
    {
        var snapshot = membership.CurrentSnapshot;
        if (snapshot.Version == _seenVersion)
        {
            return;
        }

        _seenVersion = snapshot.Version;
        var active = snapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(localSilo.SiloAddress))
            .Select(m => m.SiloAddress)
            .ToHashSet();
        foreach (var gone in _outboxes.Keys.Where(s => !active.Contains(s)).ToList())
        {
            _ = _outboxes[gone].CloseAsync();
            _outboxes.Remove(gone);
            audiences.Forget(gone);
            LogSiloLeft(gone);
        }

        foreach (var joined in active.Where(s => !_outboxes.ContainsKey(s)))
        {
            _outboxes[joined] = new SiloOutbox(joined, services.On(joined), logger, stoppingToken);
            LogSiloJoined(joined);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Grain events now also go to silo {Silo}")]
    private partial void LogSiloJoined(SiloAddress silo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} left the cluster; its event outbox is closed")]
    private partial void LogSiloLeft(SiloAddress silo);
}
