using Conversations.Actors;
using Conversations.Grains.Assistant;
using Conversations.Grains.Conversation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conversations.Grains.Hosting;

/// <summary>Wires the conversation grains into a silo. The host still provides the ports
/// (<c>IMessageLog</c>, <c>IConversationIndex</c>, <c>IAnalyticsSink</c>) and an <c>IConversationEventSink</c>.</summary>
public static class ConversationGrainsSiloBuilderExtensions
{
    /// <summary>Adds the grain classes and, unless the host registered the real engine, the stand-in assistant.</summary>
    public static SiloBuilder AddConversationGrains(this SiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddGrains<ConversationGrain>();
        silo.Services.TryAddSingleton<IAssistantResponder, StandInAssistantResponder>();
        return silo;
    }
}
