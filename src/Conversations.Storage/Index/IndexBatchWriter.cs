using System.Data.Common;
using Conversations.Grains.Persistence;
using Conversations.Storage.Sql;
using Conversations.Storage.Text;

namespace Conversations.Storage.Index;

/// <summary>Writes a set of index rows (one per conversation) and their unread counts, in transactions of at
/// most <see cref="RowsPerTurn"/> rows (a failed write is retried whole: the upserts are idempotent). The
/// statements are <see cref="BatchCommand"/>s, created once per transaction and rebound per row; on SQLite they are
/// prepared, so a row costs a few keyed B-tree writes. The same ADO.NET code serves PostgreSQL,
/// where a batch is a few dozen rows of a read model and one round trip per statement is cheap next to the commit.</summary>
internal sealed class IndexBatchWriter(SqlDatabase database)
{
    // SQLite has one writer, and the message log's commits, which customers and agents wait for, queue behind
    // whoever holds it: a whole flush of 1,000 rows in one transaction held it 20-70 ms at 2,000 messages/s.
    private const int RowsPerTurn = 100;

    private static readonly string UpsertSql =
        $"""
        INSERT INTO conversation_index ({IndexRow.Columns}) VALUES (@ConversationId, @WorkspaceId, @SiteId, @ChannelId, @Status,
            @AssignedAgentId, @AssignedAgentName, @ContactId, @ContactName, @LastMessageText, @LastMessageAuthor, @LastMessageAt,
            @Unanswered, @WaitingSince, @Monitored, @CreatedAt, @UpdatedAt)
        ON CONFLICT (conversation_id) DO UPDATE SET workspace_id = excluded.workspace_id, site_id = excluded.site_id,
            channel_id = excluded.channel_id, status = excluded.status, assigned_agent_id = excluded.assigned_agent_id,
            assigned_agent_name = excluded.assigned_agent_name, contact_id = excluded.contact_id, contact_name = excluded.contact_name,
            last_message_text = excluded.last_message_text, last_message_author = excluded.last_message_author,
            last_message_at = excluded.last_message_at, unanswered = excluded.unanswered, waiting_since = excluded.waiting_since,
            monitored = excluded.monitored, created_at = excluded.created_at, updated_at = excluded.updated_at
        """;

    private const string UpsertUnreadSql =
        """
        INSERT INTO conversation_unread (conversation_id, agent_id, unread) VALUES (@ConversationId, @AgentId, @Unread)
        ON CONFLICT (conversation_id, agent_id) DO UPDATE SET unread = excluded.unread WHERE conversation_unread.unread <> excluded.unread
        """;

    private static readonly string[] UpsertParameters =
    [
        "ConversationId", "WorkspaceId", "SiteId", "ChannelId", "Status", "AssignedAgentId", "AssignedAgentName", "ContactId", "ContactName",
        "LastMessageText", "LastMessageAuthor", "LastMessageAt", "Unanswered", "WaitingSince", "Monitored", "CreatedAt", "UpdatedAt",
    ];

    public async Task WriteAsync(IReadOnlyCollection<ConversationIndexEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var chunk in entries.Chunk(RowsPerTurn))
        {
            await using var turn = await database.BeginWriteAsync(writeBehind: true, cancellationToken);
            var connection = turn.Connection;
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var upsert = BatchCommand.Create(connection, transaction, UpsertSql, UpsertParameters);
            await using var deleteUnread = BatchCommand.Create(
                connection, transaction, "DELETE FROM conversation_unread WHERE conversation_id = @ConversationId", "ConversationId");
            await using var deleteOtherUnread = BatchCommand.Create(
                connection, transaction, "DELETE FROM conversation_unread WHERE conversation_id = @ConversationId AND agent_id <> @AgentId", "ConversationId", "AgentId");
            await using var upsertUnread = BatchCommand.Create(connection, transaction, UpsertUnreadSql, "ConversationId", "AgentId", "Unread");
            foreach (var entry in chunk)
            {
                await WriteAsync(entry, upsert, deleteUnread, deleteOtherUnread, upsertUnread, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    private async Task WriteAsync(
        ConversationIndexEntry entry, DbCommand upsert, DbCommand deleteUnread, DbCommand deleteOtherUnread, DbCommand upsertUnread, CancellationToken cancellationToken)
    {
        BatchCommand.Bind(upsert, Values(entry));
        await upsert.ExecuteNonQueryAsync(cancellationToken);

        // The common row has one agent with unread messages: its count is updated in place (or not at all
        // when unchanged), and the delete of the others finds nothing, so the unread tables' pages are not
        // rewritten for every row as a delete and re-insert did.
        var unread = entry.UnreadByAgent.Where(u => u.Value > 0).ToList();
        if (unread.Count == 1)
        {
            BatchCommand.Bind(deleteOtherUnread, entry.ConversationId, unread[0].Key);
            await deleteOtherUnread.ExecuteNonQueryAsync(cancellationToken);
        }
        else
        {
            BatchCommand.Bind(deleteUnread, entry.ConversationId);
            await deleteUnread.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (agentId, count) in unread)
        {
            BatchCommand.Bind(upsertUnread, entry.ConversationId, agentId, count);
            await upsertUnread.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private object?[] Values(ConversationIndexEntry entry) =>
    [
        entry.ConversationId,
        entry.WorkspaceId,
        entry.SiteId,
        entry.ChannelId,
        EnumText.Of(entry.Status),
        entry.AssignedAgentId,
        entry.AssignedAgentName,
        entry.ContactId,
        entry.ContactName,
        entry.LastMessageText,
        entry.LastMessageAuthor is { } author ? EnumText.Of(author) : null,
        database.Time(entry.LastMessageAt),
        entry.Unanswered ? 1 : 0,
        database.Time(entry.WaitingSince),
        EnumText.Of(entry.Monitored),
        database.Time(entry.CreatedAt),
        database.Time(entry.UpdatedAt),
    ];
}
