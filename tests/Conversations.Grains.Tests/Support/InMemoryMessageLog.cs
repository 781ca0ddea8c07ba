using System.Collections.Concurrent;
using Conversations.Contracts;
using Conversations.Grains.Persistence;

namespace Conversations.Grains.Tests.Support;

/// <summary>The message log port in memory, as faithful as the SQLite one on what grains rely on:
/// idempotent by external id per channel, not by client message id (the conversation grain checks those), and a
/// seq that must be exactly the next one (the table's unique key would refuse anything else).</summary>
public sealed class InMemoryMessageLog : IMessageLog
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<Message>> _byConversation = [];
    private readonly Dictionary<(string Channel, string External), Message> _byExternalId = [];

    private readonly ConcurrentDictionary<string, Task> _holds = new();

    /// <summary>Appends that stored a row, for assertions.</summary>
    public ConcurrentQueue<Message> Stored { get; } = new();

    /// <summary>Makes the conversation's appends wait until the returned source completes, as a slow
    /// database would: the grain's turn stays busy meanwhile.</summary>
    public TaskCompletionSource Hold(string conversationId)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _holds[conversationId] = release.Task;
        return release;
    }

    public async Task<AppendResult> AppendAsync(MessageAppend append, CancellationToken cancellationToken = default)
    {
        if (_holds.TryGetValue(append.Message.ConversationId, out var hold))
        {
            await hold;
        }

        return Append(append);
    }

    private AppendResult Append(MessageAppend append)
    {
        lock (_lock)
        {
            var message = append.Message;
            var messages = MessagesOf(message.ConversationId);
            if (append.ChannelId is { } channel && append.ExternalId is { } external && _byExternalId.TryGetValue((channel, external), out var sameExternal))
            {
                return new AppendResult(sameExternal, Duplicate: true);
            }

            var expected = messages.Count == 0 ? 1 : messages[^1].Seq + 1;
            if (message.Seq != expected)
            {
                throw new InvalidOperationException($"Seq {message.Seq} of conversation {message.ConversationId} conflicts: the next seq is {expected}.");
            }

            messages.Add(message);
            if (append.ChannelId is { } c && append.ExternalId is { } e)
            {
                _byExternalId[(c, e)] = message;
            }

            Stored.Enqueue(message);
            return new AppendResult(message, Duplicate: false);
        }
    }

    public Task<IReadOnlyList<Message>> ReadAsync(string conversationId, long? beforeSeq, int limit, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var before = MessagesOf(conversationId).Where(m => beforeSeq is null || m.Seq < beforeSeq).ToList();
            IReadOnlyList<Message> page = before.Skip(Math.Max(0, before.Count - limit)).ToList();
            return Task.FromResult(page);
        }
    }

    public Task<IReadOnlyList<(string ClientMessageId, long Seq)>> ReadClientMessageIdsAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<(string, long)> ids = [.. MessagesOf(conversationId).Where(m => m.ClientMessageId is not null).Select(m => (m.ClientMessageId!, m.Seq))];
            return Task.FromResult(ids);
        }
    }

    public Task<long> GetLastSeqAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var messages = MessagesOf(conversationId);
            return Task.FromResult(messages.Count == 0 ? 0L : messages[^1].Seq);
        }
    }

    public Task<Message?> FindByExternalIdAsync(string channelId, string externalId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_byExternalId.GetValueOrDefault((channelId, externalId)));
        }
    }

    /// <summary>Every stored message of a conversation, in seq order.</summary>
    public IReadOnlyList<Message> All(string conversationId)
    {
        lock (_lock)
        {
            return [.. MessagesOf(conversationId)];
        }
    }

    private List<Message> MessagesOf(string conversationId)
    {
        if (!_byConversation.TryGetValue(conversationId, out var messages))
        {
            messages = [];
            _byConversation[conversationId] = messages;
        }

        return messages;
    }
}
