namespace Conversations.Grains.Persistence;

/// <summary>Which conversations a list shows: live (waiting or live), closed, or bot.</summary>
public enum ConversationView
{
    Live,
    Closed,
    Bot,
}
