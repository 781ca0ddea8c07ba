using Conversations.Contracts;
using Conversations.Server.Hubs.Payloads;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.Server.Hubs;

/// <summary>Events to the widget; the hub sends them under these names, camelCased (CONTRACT.md).</summary>
public interface IWidgetClient
{
    [HubMethodName("message")]
    Task Message(Message message);

    [HubMethodName("state")]
    Task State(ConversationState state);

    [HubMethodName("queue")]
    Task Queue(QueuePayload queue);

    [HubMethodName("typing")]
    Task Typing(TypingPayload typing);

    [HubMethodName("helpOffered")]
    Task HelpOffered(HelpOfferedPayload offer);

    [HubMethodName("read")]
    Task Read(ReadPayload read);
}
