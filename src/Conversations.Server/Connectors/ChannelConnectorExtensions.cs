using Conversations.Server.Events;
using Conversations.Storage.Connectors;
using Microsoft.Extensions.Options;

namespace Conversations.Server.Connectors;

/// <summary>Wires channel connectors: signed inbound and status routes, and outbound webhook deliveries.</summary>
public static class ChannelConnectorExtensions
{
    /// <summary>Adds the delivery store, the outbound queue (an event handler) and its dispatcher. Call it
    /// after the silo is added, so the dispatcher starts once grains can answer.</summary>
    public static IServiceCollection AddChannelConnectors(this IServiceCollection services)
    {
        services.AddOptions<OutboundOptions>().BindConfiguration("Connectors:Outbound");
        services.AddSingleton<SqlOutboundDeliveryStore>();
        services.AddSingleton<OutboundQueue>();
        services.AddSingleton<IConversationEventHandler>(sp => sp.GetRequiredService<OutboundQueue>());
        services.AddSingleton<WebhookSender>();
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<OutboundOptions>>().Value.Timeout)

            // A redirect is a failed attempt: following it would post signed payloads to an address nobody configured.
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var allowPrivate = sp.GetRequiredService<IOptions<OutboundOptions>>().Value.AllowPrivateNetworks;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    ConnectCallback = (context, cancellationToken) => WebhookAddresses.ConnectAsync(context, allowPrivate, cancellationToken),
                };
            });
        services.AddHostedService<OutboundDispatcher>();
        return services;
    }

    /// <summary>Maps <c>POST /api/channels/{channelId}/messages</c> and <c>/status</c>.</summary>
    public static IEndpointRouteBuilder MapChannelConnectors(this IEndpointRouteBuilder endpoints) => endpoints.MapConnectorEndpoints();
}
