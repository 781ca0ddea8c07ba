using Conversations.Contracts;
using Conversations.Grains.Persistence;
using Conversations.Storage.Sql;
using Conversations.Storage.Text;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Storage.Messages;

/// <summary>A PostgreSQL batch is one INSERT over <c>unnest</c> of column arrays: 14 parameters whatever the
/// batch size, one round trip, rows taken in array order so the first of two duplicates in a batch wins.
/// Rows the insert skipped are then read back in the same transaction to answer duplicates.</summary>
internal sealed class PostgresMessageBatchWriter(PostgresDatabase database) : IMessageBatchWriter
{
    private static readonly string InsertSql =
        $"""
        INSERT INTO messages ({MessageRows.Columns})
        SELECT * FROM unnest(@c, @s, @id, @k, @ak, @ai, @an, @t, @at, @o, @cm, @ch, @ex, @ca)
        ON CONFLICT DO NOTHING
        RETURNING conversation_id, seq
        """;

    private static readonly string ConflictSql =
        $"""
        SELECT {MessageRows.Columns} FROM messages
        WHERE (conversation_id, client_message_id) IN (SELECT * FROM unnest(@c, @cm))
           OR (channel_id, external_id) IN (SELECT * FROM unnest(@ch, @ex))
        """;

    public async Task WriteAsync(IReadOnlyList<PendingAppend> batch, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = await InsertAsync(connection, transaction, batch, cancellationToken);
        var skipped = new List<PendingAppend>();
        foreach (var pending in batch)
        {
            var message = pending.Append.Message;
            if (inserted.Contains((message.ConversationId, message.Seq)))
            {
                pending.Result = new AppendResult(message, Duplicate: false);
            }
            else
            {
                skipped.Add(pending);
            }
        }

        if (skipped.Count > 0)
        {
            await ResolveDuplicatesAsync(connection, transaction, skipped, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static async Task<HashSet<(string, long)>> InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<PendingAppend> batch, CancellationToken cancellationToken)
    {
        var n = batch.Count;
        var conversation = new string[n];
        var seq = new long[n];
        var id = new string[n];
        var kind = new string[n];
        var authorKind = new string[n];
        var authorId = new string?[n];
        var authorName = new string[n];
        var text = new string?[n];
        var attachment = new string?[n];
        var options = new string?[n];
        var clientId = new string?[n];
        var channel = new string?[n];
        var external = new string?[n];
        var createdAt = new DateTime[n];
        for (var i = 0; i < n; i++)
        {
            var append = batch[i].Append;
            var m = append.Message;
            conversation[i] = m.ConversationId;
            seq[i] = m.Seq;
            id[i] = m.Id;
            kind[i] = EnumText.Of(m.Kind);
            authorKind[i] = EnumText.Of(m.Author.Kind);
            authorId[i] = m.Author.Id;
            authorName[i] = m.Author.Name;
            text[i] = m.Text;
            attachment[i] = MessageRows.AttachmentJson(m);
            options[i] = MessageRows.OptionsJson(m);
            clientId[i] = m.ClientMessageId;
            channel[i] = append.ChannelId;
            external[i] = append.ExternalId;
            createdAt[i] = m.CreatedAt.UtcDateTime;
        }

        await using var command = new NpgsqlCommand(InsertSql, connection, transaction);
        AddText(command, "c", conversation);
        command.Parameters.Add(new NpgsqlParameter<long[]>("s", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = seq });
        AddText(command, "id", id);
        AddText(command, "k", kind);
        AddText(command, "ak", authorKind);
        AddText(command, "ai", authorId);
        AddText(command, "an", authorName);
        AddText(command, "t", text);
        AddText(command, "at", attachment);
        AddText(command, "o", options);
        AddText(command, "cm", clientId);
        AddText(command, "ch", channel);
        AddText(command, "ex", external);
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>("ca", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = createdAt });

        var inserted = new HashSet<(string, long)>(n);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            inserted.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return inserted;
    }

    private static async Task ResolveDuplicatesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<PendingAppend> skipped, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ConflictSql, connection, transaction);
        AddText(command, "c", [.. skipped.Select(p => p.Append.Message.ConversationId)]);
        AddText(command, "cm", [.. skipped.Select(p => p.Append.Message.ClientMessageId)]);
        AddText(command, "ch", [.. skipped.Select(p => p.Append.ChannelId)]);
        AddText(command, "ex", [.. skipped.Select(p => p.Append.ExternalId)]);
        var byClientId = new Dictionary<(string, string), Message>();
        var byExternalId = new Dictionary<(string, string), Message>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var message = MessageRows.Read(reader);
                if (message.ClientMessageId is { } clientId)
                {
                    byClientId[(message.ConversationId, clientId)] = message;
                }

                if (MessageRows.ReadExternal(reader) is ({ } channelId, { } externalId))
                {
                    byExternalId[(channelId, externalId)] = message;
                }
            }
        }

        foreach (var pending in skipped)
        {
            var append = pending.Append;
            var message = append.Message;
            Message? earlier = null;
            if (message.ClientMessageId is { } clientId)
            {
                byClientId.TryGetValue((message.ConversationId, clientId), out earlier);
            }

            if (earlier is null && append is { ChannelId: { } channelId, ExternalId: { } externalId })
            {
                byExternalId.TryGetValue((channelId, externalId), out earlier);
            }

            if (earlier is null)
            {
                pending.Error = SeqConflictException.For(message.ConversationId, message.Seq);
            }
            else
            {
                pending.Result = new AppendResult(earlier, Duplicate: true);
            }
        }
    }

    private static void AddText(NpgsqlCommand command, string name, string?[] values) =>
        command.Parameters.Add(new NpgsqlParameter<string?[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = values });
}
