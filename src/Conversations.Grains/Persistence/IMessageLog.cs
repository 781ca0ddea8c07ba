using Conversations.Contracts;

namespace Conversations.Grains.Persistence;

/// <summary>The append-only message log. Appends from many conversations are group-committed; an
/// append completes only once its row is durably committed (acknowledge after commit).</summary>
public interface IMessageLog
{
    /// <summary>Stores a message, or returns the stored one with <c>Duplicate = true</c> when its external id
    /// (per channel) was seen before; never stores an external id twice. Client message ids are the conversation
    /// grain's to check (<see cref="ReadClientMessageIdsAsync"/>): it is its log's only writer, and a client retries
    /// within its conversation. A log may refuse a client id twice as well (PostgreSQL does), but need not.</summary>
    Task<AppendResult> AppendAsync(MessageAppend append, CancellationToken cancellationToken = default);

    /// <summary>The client message id of every stored message of a conversation that has one, with its seq, in seq order.</summary>
    Task<IReadOnlyList<(string ClientMessageId, long Seq)>> ReadClientMessageIdsAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> messages before <paramref name="beforeSeq"/> (the latest when
    /// null), in ascending seq order.</summary>
    Task<IReadOnlyList<Message>> ReadAsync(string conversationId, long? beforeSeq, int limit, CancellationToken cancellationToken = default);

    /// <summary>The highest stored seq of a conversation, 0 when it has none.</summary>
    Task<long> GetLastSeqAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>The message stored for a channel's external id, if any.</summary>
    Task<Message?> FindByExternalIdAsync(string channelId, string externalId, CancellationToken cancellationToken = default);
}
