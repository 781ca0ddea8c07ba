using Conversations.Grains.Assistant;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conversations.Grains.Hosting;

/// <summary>Wires the conversation grains into a silo. Orleans finds the grain classes through the
/// assembly's generated metadata; the host still provides the ports (<c>IMessageLog</c>,
/// <c>IConversationIndex</c>, <c>IAnalyticsSink</c>), an <c>IConversationEventSink</c>, the default grain
/// storage and the reminder table.</summary>
public static class ConversationGrainsSiloBuilderExtensions
{
    /// <summary>Adds, unless the host registered the real engine, the stand-in assistant, and lets reminders
    /// be as short as a second: SLA and grace periods are workspace settings, and some are under Orleans'
    /// one-minute default.</summary>
    public static ISiloBuilder AddConversationGrains(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        silo.Services.TryAddSingleton<IAssistantResponder, StandInAssistantResponder>();
        return silo;
    }
}
