using Conversations.Grains.Persistence;
using Conversations.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Conversations.Storage.Messages;

/// <summary>The single SQLite writer: one connection kept open, prepared statements reused per row. SQLite
/// inserts in process are cheap; the commit (one WAL fsync) is what a batch shares.</summary>
internal sealed class SqliteMessageBatchWriter(SqliteDatabase database) : IMessageBatchWriter
{
    private static readonly string InsertSql =
        $"INSERT INTO messages ({MessageRows.Columns}) VALUES (@c, @s, @id, @k, @ak, @ai, @an, @t, @at, @o, @cm, @ch, @ex, @ca) ON CONFLICT DO NOTHING";

    // A client-id match wins over an external-id match: it is the sender's own retry.
    private static readonly string ConflictSql =
        $"""
        SELECT {MessageRows.Columns} FROM messages
        WHERE (conversation_id = @c AND client_message_id = @cm) OR (channel_id = @ch AND external_id = @ex)
        ORDER BY CASE WHEN conversation_id = @c AND client_message_id = @cm THEN 0 ELSE 1 END
        LIMIT 1
        """;

    private SqliteConnection? _connection;
    private SqliteCommand? _insert;
    private SqliteCommand? _conflict;

    public async Task WriteAsync(IReadOnlyList<PendingAppend> batch, CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        _insert!.Transaction = transaction;
        _conflict!.Transaction = transaction;
        foreach (var pending in batch)
        {
            Decide(pending);
        }

        transaction.Commit();
    }

    public async ValueTask DisposeAsync()
    {
        _insert?.Dispose();
        _conflict?.Dispose();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private void Decide(PendingAppend pending)
    {
        var append = pending.Append;
        var message = append.Message;
        var p = _insert!.Parameters;
        p[0].Value = message.ConversationId;
        p[1].Value = message.Seq;
        p[2].Value = message.Id;
        p[3].Value = Text.EnumText.Of(message.Kind);
        p[4].Value = Text.EnumText.Of(message.Author.Kind);
        p[5].Value = (object?)message.Author.Id ?? DBNull.Value;
        p[6].Value = message.Author.Name;
        p[7].Value = (object?)message.Text ?? DBNull.Value;
        p[8].Value = (object?)MessageRows.AttachmentJson(message) ?? DBNull.Value;
        p[9].Value = (object?)MessageRows.OptionsJson(message) ?? DBNull.Value;
        p[10].Value = (object?)message.ClientMessageId ?? DBNull.Value;
        p[11].Value = (object?)append.ChannelId ?? DBNull.Value;
        p[12].Value = (object?)append.ExternalId ?? DBNull.Value;
        p[13].Value = DbTime.ToMicros(message.CreatedAt);
        if (_insert.ExecuteNonQuery() == 1)
        {
            pending.Result = new AppendResult(message, Duplicate: false);
            return;
        }

        var c = _conflict!.Parameters;
        c[0].Value = p[0].Value;
        c[1].Value = p[10].Value;
        c[2].Value = p[11].Value;
        c[3].Value = p[12].Value;
        using var reader = _conflict.ExecuteReader();
        if (reader.Read())
        {
            pending.Result = new AppendResult(MessageRows.Read(reader), Duplicate: true);
        }
        else
        {
            pending.Error = SeqConflictException.For(message.ConversationId, message.Seq);
        }
    }

    private async Task<SqliteConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is { State: System.Data.ConnectionState.Open })
        {
            return _connection;
        }

        _connection = (SqliteConnection)await database.OpenAsync(cancellationToken);
        _insert = Prepare(_connection, InsertSql, "@c", "@s", "@id", "@k", "@ak", "@ai", "@an", "@t", "@at", "@o", "@cm", "@ch", "@ex", "@ca");
        _conflict = Prepare(_connection, ConflictSql, "@c", "@cm", "@ch", "@ex");
        return _connection;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        command.Prepare();
        return command;
    }
}
