using Conversations.Grains.Assistant;

namespace Conversations.Server.Assistants;

/// <summary>Puts the real assistant engine behind the conversation grain's seam, in place of the stand-in.</summary>
public static class AssistantHostingExtensions
{
    /// <summary>Call before the silo is added: the grains register the stand-in only when no responder is.</summary>
    public static IServiceCollection AddAssistants(this IServiceCollection services)
    {
        services.AddSingleton<AssistantCatalog>();
        services.AddSingleton<IAssistantResponder, BotsAssistantResponder>();
        return services;
    }
}
