using Conversations.Contracts;
using Conversations.Server.Hubs.Payloads;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.Server.Hubs;

/// <summary>Events to the console, named as CONTRACT.md writes them.</summary>
public interface IConsoleClient
{
    [HubMethodName("conversation")]
    Task Conversation(ConversationSummary summary);

    [HubMethodName("message")]
    Task Message(Message message);

    [HubMethodName("counters")]
    Task Counters(CountersPayload counters);

    [HubMethodName("notification")]
    Task Notification(NotificationPayload notification);

    [HubMethodName("typing")]
    Task Typing(TypingPayload typing);

    [HubMethodName("presence")]
    Task Presence(PresencePayload presence);

    [HubMethodName("contactPresence")]
    Task ContactPresence(ContactPresencePayload presence);

    /// <summary>The customer read the conversation up to a seq: sent to its agent and its viewers.</summary>
    [HubMethodName("read")]
    Task Read(ReadPayload read);

    /// <summary>Who else is viewing a conversation: sent to its viewers and its agent on every change.</summary>
    [HubMethodName("viewers")]
    Task Viewers(ViewersPayload viewers);
}
