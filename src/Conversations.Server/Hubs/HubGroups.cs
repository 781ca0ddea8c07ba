namespace Conversations.Server.Hubs;

/// <summary>SignalR group names. Widget and console connections live in different hubs, so a
/// conversation's widget group never reaches a console and vice versa.</summary>
public static class HubGroups
{
    /// <summary>The widget connections of the conversation's contact.</summary>
    public static string Conversation(string conversationId) => $"conversation:{conversationId}";

    /// <summary>Every console connection of one agent.</summary>
    public static string Agent(string agentId) => $"agent:{agentId}";

    /// <summary>Console connections of the agents allowed on a site (or channel): its queue and lists.</summary>
    public static string Site(string workspaceId, string siteId) => $"site:{workspaceId}/{siteId}";

    /// <summary>Console connections of a workspace's supervisors and admins.</summary>
    public static string Supervisors(string workspaceId) => $"supervisors:{workspaceId}";
}
