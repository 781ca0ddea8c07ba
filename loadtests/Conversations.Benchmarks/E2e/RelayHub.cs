using Microsoft.AspNetCore.SignalR;

namespace Conversations.Benchmarks.E2e;

/// <summary>The e2e baseline: the same SignalR edge work as a customer-to-agent message (JSON hub
/// protocol, groups, an acknowledgement) with no grains and no storage, so the real server's figures
/// can be read against what SignalR alone costs on this machine.</summary>
public sealed class RelayHub : Hub
{
    /// <summary>The customer side of a conversation; customers only send.</summary>
    public static string CustomerGroup(string conversationId) => "customer:" + conversationId;

    /// <summary>The agent side of a conversation; agents receive <c>message</c> events.</summary>
    public static string AgentGroup(string conversationId) => "agent:" + conversationId;

    public Task JoinAsCustomer(string conversationId) => Groups.AddToGroupAsync(Context.ConnectionId, CustomerGroup(conversationId));

    public Task JoinAsAgent(string conversationId) => Groups.AddToGroupAsync(Context.ConnectionId, AgentGroup(conversationId));

    /// <summary>Forwards to the conversation's agents and returns the message as the acknowledgement,
    /// like the widget hub's <c>send</c> returns the stored message.</summary>
    public async Task<RelayMessage> Send(RelayMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        await Clients.Group(AgentGroup(message.ConversationId)).SendAsync("message", message);
        return message;
    }
}
