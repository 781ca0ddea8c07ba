using System.Threading.Channels;
using Conversations.Contracts;
using Orleans.Concurrency;

namespace Conversations.Server.Cluster;

/// <summary>The ordered queue of events bound for one other silo, drained in batches by one loop that
/// awaits each delivery before the next. Bounded: a silo that stops answering loses its oldest events
/// rather than this silo's memory (its clients catch up by seq when they reconnect elsewhere).</summary>
public sealed partial class SiloOutbox
{
    private const int Capacity = 100_000;
    private const int BatchSize = 512;

    private readonly Channel<ConversationEvent> _queue = Channel.CreateBounded<ConversationEvent>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest });

    private readonly SiloAddress _silo;
    private readonly IEdgeEventService _service;
    private readonly ILogger _logger;
    private readonly Task _drain;

    public SiloOutbox(SiloAddress silo, IEdgeEventService service, ILogger logger, CancellationToken stoppingToken)
    {
        _silo = silo;
        _service = service;
        _logger = logger;
        _drain = DrainAsync(stoppingToken);
    }

    public void Post(ConversationEvent conversationEvent) => _queue.Writer.TryWrite(conversationEvent);

    public Task CloseAsync()
    {
        _queue.Writer.TryComplete();
        return _drain;
    }

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        var batch = new List<ConversationEvent>(BatchSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < BatchSize && _queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                try
                {
                    await _service.DeliverAsync(new Immutable<ConversationEvent[]>([.. batch]));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogDeliveryFailed(e, batch.Count, _silo);
                }

                batch.Clear();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} grain events could not reach silo {Silo}")]
    private partial void LogDeliveryFailed(Exception exception, int count, SiloAddress silo);
}
