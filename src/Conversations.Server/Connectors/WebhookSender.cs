using System.Net.Http.Headers;
using System.Text;
using Conversations.Contracts;
using Conversations.Storage.Connectors;

namespace Conversations.Server.Connectors;

/// <summary>Makes one attempt of a delivery: POSTs its stored payload, signed with the channel's current
/// secret, to the channel's current webhook URL. Answers null on a 2xx, else why it failed.</summary>
public sealed class WebhookSender(IHttpClientFactory clients, IGrainFactory grains, TimeProvider clock)
{
    public const string ClientName = "Conversations.Connectors.Webhook";
    public const string DeliveryHeader = "X-Conversations-Delivery";

    /// <summary>The failure reason when the channel has no webhook to deliver to; retrying will not help.</summary>
    public const string NoWebhook = "The channel has no webhook URL.";

    public async Task<string?> SendAsync(OutboundDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var route = await grains.GetGrain<IChannelGrain>(delivery.ChannelId).GetAsync();
        if (route?.Channel is not { WebhookUrl: { Length: > 0 } url } channel)
        {
            return NoWebhook;
        }

        var body = Encoding.UTF8.GetBytes(delivery.Payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(ChannelSignature.HeaderName, ChannelSignature.Sign(channel.Secret, body, clock.GetUtcNow()));
        request.Headers.Add(DeliveryHeader, delivery.Id);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"The webhook answered {(int)response.StatusCode}.";
        }
        catch (HttpRequestException exception)
        {
            return $"The webhook could not be reached: {exception.Message}";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "The webhook did not answer in time.";
        }
    }
}
