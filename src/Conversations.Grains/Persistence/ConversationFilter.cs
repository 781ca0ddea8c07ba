namespace Conversations.Grains.Persistence;

/// <summary>A list filter, relative to the agent asking.</summary>
public enum ConversationFilter
{
    All,
    Unassigned,
    Unread,
    Mine,
}
