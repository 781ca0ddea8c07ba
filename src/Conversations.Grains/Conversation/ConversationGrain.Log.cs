using Conversations.Contracts;
using Conversations.Grains.Persistence;

namespace Conversations.Grains.Conversation;

/// <summary>The message log: seqs, the fields folded from messages, storing and publishing the summary.</summary>
public sealed partial class ConversationGrain
{
    private async Task<SendResult> AppendAsync(MessageKind kind, MessageAuthor author, string? text, Attachment? attachment, IReadOnlyList<ChoiceOption>? options, string? clientMessageId, string? externalId, string? origin = null)
    {
        var now = clock.GetUtcNow();
        var message = new Message(Guid.NewGuid().ToString("N"), Id, _lastSeq + 1, kind, author, text, attachment, options, clientMessageId, now);
        var result = await messageLog.AppendAsync(new MessageAppend(message, externalId is null ? null : State.ChannelId, externalId));
        if (result.Duplicate)
        {
            return new SendResult(result.Message, Duplicate: true);
        }

        var stored = result.Message;
        _lastSeq = stored.Seq;
        Track(stored);
        analytics.Record(new AnalyticsEvent(State.WorkspaceId, $"message.{author.Kind.ToString().ToLowerInvariant()}", Id, author.Kind == AuthorKind.Agent ? author.Id : null, now));
        events.Publish(new MessageAdded(State.WorkspaceId, State.SiteId, Id, State.ContactId, State.Agent?.Id, stored, origin));
        return new SendResult(stored, Duplicate: false);
    }

    /// <summary>Folds a stored message into the fields the message log can rebuild: the same code runs for a
    /// new message and for replaying the log on activation, so both give the same state.</summary>
    private void Track(Message message)
    {
        State.LastActivityAt = Max(State.LastActivityAt, message.CreatedAt);
        if (message.Kind != MessageKind.Note)
        {
            State.LastMessage = new LastMessage(message.Text, message.Author.Kind, message.CreatedAt);
        }

        if (message.Author.Kind == AuthorKind.Customer)
        {
            State.Unanswered = true;
            TrackCustomerSeq(message.Seq);
        }
        else if (message.Author.Kind == AuthorKind.Agent && message.Kind != MessageKind.Note)
        {
            State.Unanswered = false;
        }

        if (message.Author.Kind == AuthorKind.Agent && message.Author.Id is { } agentId)
        {
            // Max, because a replayed message may be older than a read mark the agent stored since.
            State.ReadSeqByAgent[agentId] = Math.Max(State.ReadSeqByAgent.GetValueOrDefault(agentId), message.Seq);
        }
    }

    private void TrackCustomerSeq(long seq)
    {
        // Ascending, so a seq not above the last one is already tracked (a replay over a state that has it).
        if (State.CustomerSeqs.Count > 0 && State.CustomerSeqs[^1] >= seq)
        {
            return;
        }

        State.CustomerSeqs.Add(seq);
        if (State.CustomerSeqs.Count > MaxTrackedCustomerSeqs)
        {
            State.CustomerSeqs.RemoveRange(0, State.CustomerSeqs.Count - MaxTrackedCustomerSeqs);
        }
    }

    /// <summary>Plain messages do not write the state (see <see cref="SaveAsync"/>), so the stored state may
    /// lag the log: the messages after <see cref="ConversationGrainState.TrackedSeq"/> are replayed. Beyond
    /// the latest <see cref="MaxTrackedCustomerSeqs"/> only those are read: that is all unread counts keep.</summary>
    private async Task CatchUpWithLogAsync(CancellationToken cancellationToken)
    {
        var behind = _lastSeq - State.TrackedSeq;
        if (!State.Started || behind <= 0)
        {
            return;
        }

        var messages = await messageLog.ReadAsync(Id, null, (int)Math.Min(behind, MaxTrackedCustomerSeqs), cancellationToken);
        foreach (var message in messages.Where(m => m.Seq > State.TrackedSeq))
        {
            Track(message);
        }

        State.TrackedSeq = _lastSeq;
        State.UpdatedAt = Max(State.UpdatedAt, State.LastActivityAt);
    }

    /// <summary>Publishes the summary, and stores the state when <paramref name="durable"/>. A plain message
    /// changes only fields the message log rebuilds on activation (<see cref="Track"/>), and the log append
    /// is already a durable commit: a second, state, commit per message would halve a conversation's pace.</summary>
    private async Task SaveAsync(bool durable = true)
    {
        State.UpdatedAt = clock.GetUtcNow();
        if (durable)
        {
            State.TrackedSeq = _lastSeq;
            await state.WriteStateAsync();
        }

        var unread = UnreadByAgent();
        await index.UpsertAsync(new ConversationIndexEntry(
            Id, State.WorkspaceId, State.SiteId, State.ChannelId, State.Status, State.Agent?.Id, State.Agent?.Name,
            State.ContactId, State.ContactName, State.LastMessage?.Text, State.LastMessage?.AuthorKind, State.LastMessage?.CreatedAt,
            State.Unanswered, State.WaitingSince, State.Monitoring, unread, State.CreatedAt, State.UpdatedAt));
        events.Publish(new ConversationSummaryChanged(State.WorkspaceId, ToSummary(null), unread, [.. State.Watchers]));
    }

    private async Task<ConversationSnapshot> SnapshotAsync()
    {
        var messages = await messageLog.ReadAsync(Id, null, SnapshotSize);
        return new ConversationSnapshot(Id, ToState(), [.. messages.Where(m => m.Kind != MessageKind.Note)]);
    }

    private Dictionary<string, int> UnreadByAgent()
    {
        var agents = State.Participants.Concat(State.Watchers).Concat(State.ReadSeqByAgent.Keys).Distinct();
        return agents.ToDictionary(a => a, a => State.CustomerSeqs.Count(s => s > State.ReadSeqByAgent.GetValueOrDefault(a)));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    private ConversationState ToState() => new(Id, State.Status, State.Status == ConversationStatus.Live ? State.Agent : null);

    private ConversationSummary ToSummary(string? agentId) => new(
        Id,
        State.SiteId,
        State.ChannelId,
        State.Status,
        State.Status == ConversationStatus.Live ? State.Agent : null,
        new ContactRef(State.ContactId, State.ContactName, State.ContactOnline),
        State.LastMessage,
        agentId is null ? 0 : State.CustomerSeqs.Count(s => s > State.ReadSeqByAgent.GetValueOrDefault(agentId)),
        State.Unanswered,
        State.WaitingSince,
        State.Monitoring);
}
