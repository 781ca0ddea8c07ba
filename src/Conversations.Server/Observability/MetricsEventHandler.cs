using Conversations.Contracts;
using Conversations.Server.Events;

namespace Conversations.Server.Observability;

/// <summary>Counts what grain events say happened: messages stored, handoffs, queue sizes.</summary>
public sealed class MetricsEventHandler(ConversationsMetrics metrics) : IConversationEventHandler
{
    public void Handle(ConversationEvent conversationEvent)
    {
        switch (conversationEvent)
        {
            case MessageAdded added:
                metrics.MessageStored(added.Message.Kind);
                break;
            case ConversationStateChanged { Previous: ConversationStatus.Bot, State.Status: ConversationStatus.Waiting or ConversationStatus.Live } changed:
                metrics.HandedOff(changed.State.Status);
                break;
            case QueueCountersChanged queue:
                metrics.QueueChanged(queue.WorkspaceId, queue.SiteId, queue.Waiting);
                break;
        }
    }
}
