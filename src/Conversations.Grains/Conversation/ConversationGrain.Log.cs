using Conversations.Contracts;
using Conversations.Grains.Persistence;

namespace Conversations.Grains.Conversation;

/// <summary>The message log: seqs, the fields folded from messages, storing and publishing the summary.</summary>
public sealed partial class ConversationGrain
{
    private async Task<SendResult> AppendAsync(MessageKind kind, MessageAuthor author, string? text, Attachment? attachment, IReadOnlyList<ChoiceOption>? options, string? clientMessageId, string? externalId, string? origin = null)
    {
        if (clientMessageId is not null && await StoredWithClientIdAsync(clientMessageId) is { } sent)
        {
            return new SendResult(sent, Duplicate: true);
        }

        var now = clock.GetUtcNow();
        var message = new Message(Guid.NewGuid().ToString("N"), Id, _lastSeq + 1, kind, author, text, attachment, options, clientMessageId, now);
        var result = await messageLog.AppendAsync(new MessageAppend(message, externalId is null ? null : State.ChannelId, externalId));
        if (result.Duplicate)
        {
            return new SendResult(result.Message, Duplicate: true);
        }

        var stored = result.Message;
        _lastSeq = stored.Seq;
        if (clientMessageId is not null)
        {
            _clientSeqs![clientMessageId] = stored.Seq;
        }

        Track(stored);
        analytics.Record(new AnalyticsEvent(State.WorkspaceId, MessageEventType(author.Kind), Id, author.Kind == AuthorKind.Agent ? author.Id : null, now));
        events.Publish(new MessageAdded(State.WorkspaceId, State.SiteId, Id, State.ContactId, State.Agent?.Id, stored, origin));
        return new SendResult(stored, Duplicate: false);
    }

    /// <summary>The message already stored with this client id: the sender's retry, answered with what it first
    /// got. This grain is its log's only writer and checks the ids itself, so the SQLite log keeps no index of them,
    /// which was one more B-tree page written per message in every group commit (a third of the WAL at e2e
    /// saturation). The ids are read once per activation, on the first append that has one.</summary>
    private async Task<Message?> StoredWithClientIdAsync(string clientMessageId)
    {
        if (_clientSeqs is null)
        {
            // SQLite does not refuse a client id twice: should a row ever repeat one, the first stored answers its retries.
            _clientSeqs = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var (clientId, storedSeq) in await messageLog.ReadClientMessageIdsAsync(Id))
            {
                _clientSeqs.TryAdd(clientId, storedSeq);
            }
        }

        if (!_clientSeqs.TryGetValue(clientMessageId, out var seq))
        {
            return null;
        }

        var read = await messageLog.ReadAsync(Id, seq + 1, 1);
        return read is [{ } stored] && stored.Seq == seq ? stored : null;
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

    // Runs with every message (SaveAsync): plain loops, where a LINQ chain of Concat, Distinct and Count lambdas
    // was among the server's largest allocation sites at e2e saturation.
    private Dictionary<string, int> UnreadByAgent()
    {
        var unread = new Dictionary<string, int>(State.Participants.Count + State.Watchers.Count + State.ReadSeqByAgent.Count, StringComparer.Ordinal);
        AddUnread(unread, State.Participants);
        AddUnread(unread, State.Watchers);
        AddUnread(unread, State.ReadSeqByAgent.Keys);
        return unread;
    }

    private void AddUnread(Dictionary<string, int> unread, IEnumerable<string> agentIds)
    {
        foreach (var agentId in agentIds)
        {
            unread.TryAdd(agentId, UnreadFor(agentId));
        }
    }

    // The customer's seqs are kept in ascending order, so the unread ones are the tail after the agent's read mark.
    private int UnreadFor(string agentId)
    {
        var read = State.ReadSeqByAgent.GetValueOrDefault(agentId);
        var seqs = State.CustomerSeqs;
        var count = 0;
        for (var i = seqs.Count - 1; i >= 0 && seqs[i] > read; i--)
        {
            count++;
        }

        return count;
    }

    // The analytics type of a message, without building the string for each one.
    private static string MessageEventType(AuthorKind kind) => kind switch
    {
        AuthorKind.Customer => "message.customer",
        AuthorKind.Agent => "message.agent",
        AuthorKind.Bot => "message.bot",
        AuthorKind.System => "message.system",
        _ => $"message.{kind.ToString().ToLowerInvariant()}",
    };

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
        agentId is null ? 0 : UnreadFor(agentId),
        State.Unanswered,
        State.WaitingSince,
        State.Monitoring);
}
