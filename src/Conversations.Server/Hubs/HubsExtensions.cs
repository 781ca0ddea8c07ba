using System.Text.Json;
using Conversations.Server.Events;
using Conversations.Server.Hubs.Console;
using Conversations.Server.Hubs.FanOut;
using Conversations.Server.Hubs.Filters;
using Conversations.Server.Hubs.Protocol;
using Conversations.Server.Hubs.Security;
using Conversations.Server.Hubs.Widget;
using Conversations.Server.Observability;
using Conversations.Server.Security;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Conversations.Server.Hubs;

/// <summary>The real-time edge: the widget and console hubs and the fan-out of grain events to them.</summary>
public static class HubsExtensions
{
    /// <summary>The CORS policy of the widget hub: any page may negotiate, and <c>start</c> then checks
    /// the page's origin against the site's allow-list (the site is not known before).</summary>
    public const string WidgetCorsPolicy = "widget-hub";

    public static IServiceCollection AddConversationsHubs(this IServiceCollection services)
    {
        services.AddOptions<HubsOptions>().BindConfiguration("Hubs");
        services.AddLogging(logging => logging.AddFilter(DomainErrorFilter.DispatcherCategory, LogLevel.Critical));
        // The filters are singletons, added as instances. Added by type, SignalR resolved each of them for every
        // invocation and, finding none registered, constructed it (the retry filter built its Polly pipeline per
        // call), then awaited it inside a wrapper of its own.
        services.AddSingleton<DomainErrorFilter>();
        services.AddSingleton<RateLimitFilter>();
        services.AddSingleton<ArgumentShapeFilter>();
        services.AddSingleton<NodeLossRetryFilter>();
        services.AddOptions<HubOptions>().Configure<DomainErrorFilter, RateLimitFilter, ArgumentShapeFilter, NodeLossRetryFilter>(
            static (options, errors, rateLimit, argumentShapes, nodeLoss) =>
            {
                options.AddFilter(errors);
                options.AddFilter(rateLimit);
                options.AddFilter(argumentShapes);
                options.AddFilter(nodeLoss);
            });
        services.AddSignalR()
            .AddJsonProtocol(options =>
            {
                options.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
                options.PayloadSerializerOptions.Converters.Add(new ArgumentShapeConverterFactory());
            })
            .AddMessagePackProtocol();
        // MessagePack payloads are the JSON protocol's payloads in MessagePack form (CONTRACT.md: same names and shapes).
        services.AddOptions<MessagePackHubProtocolOptions>().Configure<IOptions<JsonHubProtocolOptions>>((messagePack, json) =>
            messagePack.SerializerOptions = JsonMessagePackResolver.SerializerOptions(json.Value.PayloadSerializerOptions));
        services.AddOptions<HubOptions>().Configure<IOptions<HubsOptions>>((hub, ours) => hub.MaximumReceiveMessageSize = ours.Value.MaximumReceiveMessageSize);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RateLimitFilter>();
        services.AddSingleton<DomainErrorFilter>();
        services.AddSingleton<ArgumentShapeFilter>();
        services.AddSingleton<NodeLossRetryFilter>();
        services.AddSingleton<VisitorTokens>();
        services.AddSingleton<IVisitorTokenReader>(sp => sp.GetRequiredService<VisitorTokens>());
        services.AddSingleton<WidgetArguments>();
        services.AddSingleton<AgentConnections>();
        services.AddSingleton<IAgentSessionRevoker>(sp => sp.GetRequiredService<AgentConnections>());
        services.AddSingleton<ConsoleCounters>();
        services.AddSingleton<ConversationAudience>();
        services.AddSingleton<OpenHubConnections>();
        services.AddHostedService(sp => sp.GetRequiredService<OpenHubConnections>());
        services.TryAddSingleton<ConversationsMetrics>();
        services.AddSingleton<HubEventFanOut>();
        services.AddSingleton<IConversationEventHandler>(sp => sp.GetRequiredService<HubEventFanOut>());
        services.AddHostedService(sp => sp.GetRequiredService<HubEventFanOut>());
        services.AddCors(options => options.AddPolicy(WidgetCorsPolicy, policy => policy
            .SetIsOriginAllowed(_ => true)
            .AllowAnyHeader()
            .AllowAnyMethod()
            .AllowCredentials()));
        return services;
    }

    public static WebApplication MapConversationsHubs(this WebApplication app)
    {
        app.MapHub<WidgetHub>("/hubs/widget").RequireCors(WidgetCorsPolicy);
        app.MapHub<ConsoleHub>("/hubs/console");
        return app;
    }
}
