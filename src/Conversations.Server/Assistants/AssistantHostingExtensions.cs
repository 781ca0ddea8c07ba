using Conversations.Grains.Assistant;

namespace Conversations.Server.Assistants;

/// <summary>The assistant catalog (the edge's door to the assistant grains and this silo's cache of compiled
/// published versions) behind <c>/api/assistants</c> and <c>/api/knowledge</c>, and the real engine behind the
/// conversation grain's seam in place of the grains' stand-in.</summary>
public static class AssistantHostingExtensions
{
    /// <summary>Call before the silo is added: the grains register their stand-in only when no responder is.</summary>
    public static IServiceCollection AddAssistants(this IServiceCollection services)
    {
        services.AddSingleton<AssistantCatalog>();
        services.AddSingleton<IAssistantResponder, BotsAssistantResponder>();
        return services;
    }
}
