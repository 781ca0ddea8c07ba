using System.Text.Json;
using Conversations.Contracts;
using Conversations.Storage.Connectors;
using Microsoft.Extensions.Options;

namespace Conversations.Server.Connectors;

/// <summary>Stores queued outbound messages as deliveries, then attempts due deliveries until a 2xx or
/// the last attempt. Due rows are claimed from the database, so deliveries pending at a restart go on,
/// and a wake-up after each enqueue keeps the first attempt prompt without a tight poll.</summary>
public sealed partial class OutboundDispatcher(
    OutboundQueue queue,
    SqlOutboundDeliveryStore store,
    WebhookSender sender,
    IGrainFactory grains,
    TimeProvider clock,
    IOptions<OutboundOptions> options,
    ILogger<OutboundDispatcher> logger) : BackgroundService
{
    // Beyond the call timeout: a lease outlives the attempt it covers, so no one else starts it meanwhile.
    private static readonly TimeSpan LeaseSlack = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly OutboundOptions _options = options.Value;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(StoreQueuedAsync(stoppingToken), DispatchAsync(stoppingToken));

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    private async Task StoreQueuedAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Storing is never cancelled half way: a stop must not drop the message being stored.
            await foreach (var request in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await StoreAsync(request, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Whatever was queued before the stop is still stored, so the next start delivers it.
            while (queue.Reader.TryRead(out var request))
            {
                await StoreAsync(request, CancellationToken.None);
            }
        }
    }

    private async Task StoreAsync(OutboundRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var route = await grains.GetGrain<IChannelGrain>(request.ChannelId).GetAsync();
            if (route?.Channel.WebhookUrl is not { Length: > 0 })
            {
                return;
            }

            var now = clock.GetUtcNow();
            var id = $"dlv_{request.Message.Id}";
            var payload = JsonSerializer.Serialize(
                new WebhookPayload("message", id, request.Message.ConversationId, new WebhookRecipient(request.UserId), request.Message),
                ConnectorJson.Options);
            await store.EnqueueAsync(
                new OutboundDelivery(id, request.ChannelId, request.Message.ConversationId, request.Message.Id, payload, 0, now, DeliveryStatus.Pending, null, now),
                cancellationToken);
            Wake();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogEnqueueFailed(exception, request.Message.Id, request.ChannelId);
        }
    }

    private async Task DispatchAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = clock.GetUtcNow();
                var claimed = await store.ClaimDueAsync(now, now + _options.Timeout + LeaseSlack, _options.BatchSize, stoppingToken);
                if (claimed.Count > 0)
                {
                    await Parallel.ForEachAsync(
                        claimed.GroupBy(d => d.ConversationId),
                        new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = stoppingToken },
                        async (conversation, token) =>
                        {
                            foreach (var delivery in conversation)
                            {
                                await AttemptAsync(delivery, token);
                            }
                        });
                    continue;
                }

                await SleepAsync(await store.NextDueAtAsync(stoppingToken), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogDispatchFailed(exception);
                await SleepAsync(null, stoppingToken);
            }
        }
    }

    private async Task AttemptAsync(OutboundDelivery delivery, CancellationToken cancellationToken)
    {
        string? error;
        try
        {
            error = await sender.SendAsync(delivery, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping mid-attempt: give the lease back so the next start retries at once.
            await store.RetryAsync(delivery, clock.GetUtcNow(), "Interrupted by a shutdown.", CancellationToken.None);
            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A malformed webhook URL or an unreachable grain counts as a failed attempt, so it still ends.
            error = exception.Message;
        }

        var now = clock.GetUtcNow();
        if (error is null)
        {
            await store.CompleteAsync(delivery, now, CancellationToken.None);
        }
        else if (delivery.Attempts >= _options.MaxAttempts || error == WebhookSender.NoWebhook)
        {
            LogGaveUp(delivery.Id, delivery.Attempts, error);
            await store.FailAsync(delivery, error, now, CancellationToken.None);
        }
        else
        {
            var delay = RetryBackoff.After(delivery.Attempts, _options.BaseDelay, _options.MaxDelay, Random.Shared);
            await store.RetryAsync(delivery, now + delay, error, CancellationToken.None);
        }
    }

    private async Task SleepAsync(DateTimeOffset? nextDue, CancellationToken stoppingToken)
    {
        var delay = _options.PollInterval;
        if (nextDue is { } due && due - clock.GetUtcNow() < delay)
        {
            delay = due - clock.GetUtcNow();
        }

        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(delay, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            await _wake.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The delay ran out: time to look for due deliveries again.
        }
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake-up is already pending; one is enough.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store the outbound delivery of message {MessageId} on channel {ChannelId}")]
    private partial void LogEnqueueFailed(Exception exception, string messageId, string channelId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbound dispatcher failed; it retries shortly")]
    private partial void LogDispatchFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up delivery {DeliveryId} after {Attempts} attempts: {Error}")]
    private partial void LogGaveUp(string deliveryId, int attempts, string error);
}
