using System.Data.Common;
using Conversations.Storage.Sql;
using Dapper;

namespace Conversations.Storage.Connectors;

/// <summary>Outbound connector deliveries in <c>outbound_deliveries</c> and the status of each delivered
/// message in <c>message_status</c>. A delivery is stored before its first attempt, and each attempt
/// claims the row with a lease first, so a crash or a second dispatcher never loses or doubles one.</summary>
public sealed class SqlOutboundDeliveryStore(SqlDatabase database)
{
    private const string Columns = "id, channel_id, conversation_id, message_id, payload, attempts, next_attempt_at, status, last_error, created_at";

    /// <summary>Stores a pending delivery and its message's status; false when the id is stored already.</summary>
    public async Task<bool> EnqueueAsync(OutboundDelivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        await using var turn = await database.BeginWriteAsync(writeBehind: false, cancellationToken);
        var connection = turn.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO outbound_deliveries ({Columns})
            VALUES (@Id, @ChannelId, @ConversationId, @MessageId, @Payload, 0, @NextAttemptAt, @Status, NULL, @CreatedAt)
            ON CONFLICT (id) DO NOTHING
            """,
            new
            {
                delivery.Id,
                delivery.ChannelId,
                delivery.ConversationId,
                delivery.MessageId,
                delivery.Payload,
                NextAttemptAt = database.Time(delivery.NextAttemptAt),
                Status = DeliveryStatus.Pending,
                CreatedAt = database.Time(delivery.CreatedAt),
            },
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO message_status (channel_id, message_id, status, updated_at) VALUES (@ChannelId, @MessageId, @Status, @Now)
            ON CONFLICT (channel_id, message_id) DO NOTHING
            """,
            new { delivery.ChannelId, delivery.MessageId, Status = MessageStatus.Pending, Now = database.Time(delivery.CreatedAt) },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return inserted > 0;
    }

    /// <summary>Claims up to <paramref name="limit"/> due deliveries, oldest first: each claimed one has its
    /// attempt counted and is hidden from other claims until <paramref name="leaseUntil"/>. One statement picks
    /// and leases the rows, so of several nodes claiming at once each row goes to exactly one: PostgreSQL skips
    /// rows another claim has locked (<c>FOR UPDATE SKIP LOCKED</c>) instead of waiting for them, and SQLite
    /// runs the statement under its single write lock. The attempt count is the claim's fencing token.</summary>
    public async Task<IReadOnlyList<OutboundDelivery>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken = default)
    {
        var skipLocked = database.Provider == StorageProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : string.Empty;
        await using var turn = await database.BeginWriteAsync(writeBehind: false, cancellationToken);
        var connection = turn.Connection;
        var claimed = await ReadAsync(
            connection,
            $"""
            UPDATE outbound_deliveries SET attempts = attempts + 1, next_attempt_at = @LeaseUntil
            WHERE status = @Status AND id IN (
                SELECT id FROM outbound_deliveries WHERE status = @Status AND next_attempt_at <= @Now
                ORDER BY next_attempt_at, created_at LIMIT @Limit {skipLocked})
            RETURNING {Columns}
            """,
            new { Status = DeliveryStatus.Pending, Now = database.Time(now), LeaseUntil = database.Time(leaseUntil), Limit = limit },
            cancellationToken);

        // RETURNING keeps no order; within a conversation deliveries go out in the order they were stored.
        return [.. claimed.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal)];
    }

    /// <summary>When the earliest pending delivery is due; null when none is pending.</summary>
    public async Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var value = await connection.ExecuteScalarAsync<object?>(new CommandDefinition(
            "SELECT MIN(next_attempt_at) FROM outbound_deliveries WHERE status = @Status",
            new { Status = DeliveryStatus.Pending },
            cancellationToken: cancellationToken));
        return DbTime.ReadNullable(value);
    }

    /// <summary>The webhook took it: the delivery is done and the message is sent.</summary>
    public Task CompleteAsync(OutboundDelivery delivery, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        FinishAsync(delivery, DeliveryStatus.Delivered, null, MessageStatus.Sent, now, cancellationToken);

    /// <summary>Gives up on a delivery: it and its message are failed.</summary>
    public Task FailAsync(OutboundDelivery delivery, string error, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        FinishAsync(delivery, DeliveryStatus.Failed, error, MessageStatus.Failed, now, cancellationToken);

    /// <summary>Schedules the next attempt of a delivery whose attempt failed.</summary>
    public async Task RetryAsync(OutboundDelivery delivery, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbound_deliveries SET next_attempt_at = @NextAttemptAt, last_error = @Error WHERE id = @Id AND status = @Status AND attempts = @Attempts",
            new { delivery.Id, NextAttemptAt = database.Time(nextAttemptAt), Error = error, Status = DeliveryStatus.Pending, delivery.Attempts },
            cancellationToken: cancellationToken));
    }

    /// <summary>A delivery by id, or null.</summary>
    public async Task<OutboundDelivery?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await ReadAsync(connection, $"SELECT {Columns} FROM outbound_deliveries WHERE id = @Id", new { Id = id }, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>The deliveries of a conversation, oldest first.</summary>
    public async Task<IReadOnlyList<OutboundDelivery>> ListByConversationAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(
            connection,
            $"SELECT {Columns} FROM outbound_deliveries WHERE conversation_id = @ConversationId ORDER BY created_at, id",
            new { ConversationId = conversationId },
            cancellationToken);
    }

    /// <summary>Moves a message's status forward (see <see cref="MessageStatus"/>) and answers the status it
    /// has now, which is the older one when the move would go backwards; null for a message never sent there.</summary>
    public async Task<string?> AdvanceStatusAsync(string channelId, string messageId, string status, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var from = MessageStatus.AllowedFrom(status).ToArray();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE message_status SET status = @Status, updated_at = @Now WHERE channel_id = @ChannelId AND message_id = @MessageId AND {database.InList("status", "From")}",
            new { ChannelId = channelId, MessageId = messageId, Status = status, Now = database.Time(now), From = from },
            cancellationToken: cancellationToken));
        return await GetStatusAsync(connection, channelId, messageId, cancellationToken);
    }

    /// <summary>A message's status on a channel; null for a message never sent there.</summary>
    public async Task<string?> GetStatusAsync(string channelId, string messageId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await GetStatusAsync(connection, channelId, messageId, cancellationToken);
    }

    private static Task<string?> GetStatusAsync(DbConnection connection, string channelId, string messageId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT status FROM message_status WHERE channel_id = @ChannelId AND message_id = @MessageId",
            new { ChannelId = channelId, MessageId = messageId },
            cancellationToken: cancellationToken));

    private async Task FinishAsync(OutboundDelivery delivery, string deliveryStatus, string? error, string messageStatus, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        await using var turn = await database.BeginWriteAsync(writeBehind: false, cancellationToken);
        var connection = turn.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var finished = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbound_deliveries SET status = @DeliveryStatus, last_error = @Error WHERE id = @Id AND status = @Pending AND attempts = @Attempts",
            new { delivery.Id, DeliveryStatus = deliveryStatus, Error = error, Pending = DeliveryStatus.Pending, delivery.Attempts },
            transaction,
            cancellationToken: cancellationToken));
        if (finished == 0)
        {
            // The lease ran out and another claim took the delivery: that attempt decides its outcome.
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE message_status SET status = @Status, updated_at = @Now WHERE channel_id = @ChannelId AND message_id = @MessageId AND {database.InList("status", "From")}",
            new { delivery.ChannelId, delivery.MessageId, Status = messageStatus, Now = database.Time(now), From = MessageStatus.AllowedFrom(messageStatus).ToArray() },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<OutboundDelivery>> ReadAsync(DbConnection connection, string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        var rows = new List<OutboundDelivery>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new OutboundDelivery(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? string.Empty : reader.GetString(3),
                reader.GetString(4),
                reader.GetInt32(5),
                DbTime.Read(reader.GetValue(6)),
                reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                DbTime.Read(reader.GetValue(9))));
        }

        return rows;
    }
}
