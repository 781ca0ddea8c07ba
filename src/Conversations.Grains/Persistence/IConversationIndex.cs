namespace Conversations.Grains.Persistence;

/// <summary>The read model behind <c>GET /api/conversations</c>.</summary>
public interface IConversationIndex
{
    /// <summary>Inserts or replaces a conversation's row.</summary>
    Task UpsertAsync(ConversationIndexEntry entry, CancellationToken cancellationToken = default);

    /// <summary>One row, or null.</summary>
    Task<ConversationIndexEntry?> GetAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>A page of rows, newest activity first, with a cursor for the next page.</summary>
    Task<ConversationPage> QueryAsync(ConversationQuery query, CancellationToken cancellationToken = default);
}
