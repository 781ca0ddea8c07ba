using Conversations.Server.Admin;
using Conversations.Server.Analytics;
using Conversations.Server.Assistants;
using Conversations.Server.Auth;
using Conversations.Server.Contacts;
using Conversations.Server.Floor;
using Conversations.Server.Inbox;
using Conversations.Server.Hubs;
using Conversations.Server.Notifications;
using Conversations.Server.Snippets;
using Conversations.Server.Uploads;
using Conversations.Server.WidgetConfig;
using Conversations.Storage.Analytics;
using Conversations.Storage.Uploads;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conversations.Server.Api;

/// <summary>The console and administration REST API (CONTRACT.md, "Console and admin REST").</summary>
public static class ApiExtensions
{
    public static IServiceCollection AddConversationsApi(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IUploadStore, SqlUploadStore>();
        services.TryAddSingleton<SqlAnalyticsReader>();
        services.AddSingleton<IAttachmentResolver, UploadAttachmentResolver>();
        services.AddUploadLinks();
        return services;
    }

    public static IEndpointRouteBuilder MapConversationsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapConversationEndpoints();
        endpoints.MapUploadEndpoints();
        endpoints.MapAgentEndpoints();
        endpoints.MapSiteEndpoints();
        endpoints.MapWidgetConfigEndpoints();
        endpoints.MapChannelEndpoints();
        endpoints.MapTeamEndpoints();
        endpoints.MapSettingsEndpoints();
        endpoints.MapSnippetEndpoints();
        endpoints.MapAnalyticsEndpoints();
        endpoints.MapAdminExtrasEndpoints();
        endpoints.MapContactEndpoints();
        endpoints.MapFloorEndpoints();
        endpoints.MapOutboxEndpoints();
        endpoints.MapAssistantEndpoints();
        endpoints.MapAssistantDraftEndpoints();

        // An unknown /api route answers 401 to strangers and 404 to agents, so the API's shape is not
        // discoverable without signing in.
        endpoints.MapFallback("/api/{**path}", () => ApiProblems.NotFound("No such API route.")).RequireAuthorization(AuthPolicies.Agent);
        return endpoints;
    }
}
