namespace Conversations.Server.Assistants;

/// <summary>The assistant catalog behind <c>/api/assistants</c> and <c>/api/knowledge</c>.</summary>
/// <remarks>Conversations still answer through the grains' stand-in: the engine's onboarding question takes
/// a customer's first free text as its answer, so "talk to a human" did not hand over; it is wired in once
/// intents can interrupt a question.</remarks>
public static class AssistantHostingExtensions
{
    public static IServiceCollection AddAssistants(this IServiceCollection services)
    {
        services.AddSingleton<AssistantCatalog>();
        return services;
    }
}
