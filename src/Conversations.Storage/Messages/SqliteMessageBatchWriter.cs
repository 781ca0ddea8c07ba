using Conversations.Grains.Persistence;
using Conversations.Storage.Sql;
using Conversations.Storage.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Conversations.Storage.Messages;

/// <summary>The single SQLite message writer, on the database's write connection (see
/// <see cref="SqliteDatabase.BeginWriteAsync"/>), its statements prepared again whenever that connection is new. A batch is inserted in chunks of up to
/// <see cref="RowsPerInsert"/> rows by multi-row <c>INSERT ... ON CONFLICT DO NOTHING</c> statements prepared once
/// per chunk size on the raw SQLite handle and bound by ordinal (Microsoft.Data.Sqlite binds by name, a linear
/// search per parameter that costs more than the insert itself at 1,400 parameters). When a chunk stores every row,
/// the common case, each append is decided without reading anything back; when it stores fewer, the chunk is rolled
/// back to its savepoint and redone row by row, which tells exactly which rows are duplicates (read back then) or
/// seq conflicts. The commit (one WAL fsync) is what a batch shares.</summary>
internal sealed class SqliteMessageBatchWriter(SqliteDatabase database) : IMessageBatchWriter
{
    private const int RowsPerInsert = 100;
    private const int Columns = 14;

    // A client-id match wins over an external-id match: it is the sender's own retry.
    private static readonly string ConflictSql =
        $"""
        SELECT {MessageRows.Columns} FROM messages
        WHERE (conversation_id = @c AND client_message_id = @cm) OR (channel_id = @ch AND external_id = @ex)
        ORDER BY CASE WHEN conversation_id = @c AND client_message_id = @cm THEN 0 ELSE 1 END
        LIMIT 1
        """;

    // Index n holds the statement inserting n rows, prepared on first use.
    private readonly sqlite3_stmt?[] _inserts = new sqlite3_stmt?[RowsPerInsert + 1];
    private SqliteConnection? _connection;
    private sqlite3_stmt? _savepoint;
    private sqlite3_stmt? _rollbackToSavepoint;
    private sqlite3_stmt? _releaseSavepoint;
    private SqliteCommand? _conflict;

    public async Task WriteAsync(IReadOnlyList<PendingAppend> batch, CancellationToken cancellationToken)
    {
        await using var turn = await database.BeginWriteAsync(writeBehind: false, cancellationToken);
        var connection = Prepared((SqliteConnection)turn.Connection);
        var db = connection.Handle!;
        using var transaction = connection.BeginTransaction();
        _conflict!.Transaction = transaction;
        for (var start = 0; start < batch.Count; start += RowsPerInsert)
        {
            WriteChunk(db, batch, start, Math.Min(RowsPerInsert, batch.Count - start));
        }

        transaction.Commit();
    }

    public ValueTask DisposeAsync()
    {
        DisposeStatements();
        return ValueTask.CompletedTask;
    }

    // The connection is the database's: only the statements prepared on it are this writer's.
    private void DisposeStatements()
    {
        for (var i = 0; i < _inserts.Length; i++)
        {
            _inserts[i]?.Dispose();
            _inserts[i] = null;
        }

        _savepoint?.Dispose();
        _rollbackToSavepoint?.Dispose();
        _releaseSavepoint?.Dispose();
        _conflict?.Dispose();
        _savepoint = _rollbackToSavepoint = _releaseSavepoint = null;
        _conflict = null;
        _connection = null;
    }

    private void WriteChunk(sqlite3 db, IReadOnlyList<PendingAppend> batch, int start, int count)
    {
        Step(db, _savepoint!);
        if (Insert(db, batch, start, count) == count)
        {
            Step(db, _releaseSavepoint!);
            for (var i = start; i < start + count; i++)
            {
                batch[i].Result = new AppendResult(batch[i].Append.Message, Duplicate: false);
            }

            return;
        }

        // Some row of the chunk is a duplicate or a seq conflict: undo the chunk and find which, one row at a time.
        Step(db, _rollbackToSavepoint!);
        Step(db, _releaseSavepoint!);
        for (var i = start; i < start + count; i++)
        {
            if (Insert(db, batch, i, 1) == 1)
            {
                batch[i].Result = new AppendResult(batch[i].Append.Message, Duplicate: false);
            }
            else
            {
                ResolveSkipped(batch[i]);
            }
        }
    }

    /// <summary>Inserts <paramref name="count"/> appends from <paramref name="start"/> and returns how many rows were stored.</summary>
    private int Insert(sqlite3 db, IReadOnlyList<PendingAppend> batch, int start, int count)
    {
        var statement = _inserts[count] ??= Prepare(db, InsertSql(count));
        Check(db, raw.sqlite3_reset(statement));
        var p = 1;
        for (var i = start; i < start + count; i++)
        {
            var append = batch[i].Append;
            var message = append.Message;
            BindText(statement, p++, message.ConversationId);
            raw.sqlite3_bind_int64(statement, p++, message.Seq);
            BindText(statement, p++, message.Id);
            BindText(statement, p++, EnumText.Of(message.Kind));
            BindText(statement, p++, EnumText.Of(message.Author.Kind));
            BindText(statement, p++, message.Author.Id);
            BindText(statement, p++, message.Author.Name);
            BindText(statement, p++, message.Text);
            BindText(statement, p++, MessageRows.AttachmentJson(message));
            BindText(statement, p++, MessageRows.OptionsJson(message));
            BindText(statement, p++, message.ClientMessageId);
            BindText(statement, p++, append.ChannelId);
            BindText(statement, p++, append.ExternalId);
            raw.sqlite3_bind_int64(statement, p++, DbTime.ToMicros(message.CreatedAt));
        }

        var result = raw.sqlite3_step(statement);
        if (result != raw.SQLITE_DONE)
        {
            // Reset now so the failed statement holds no lock or error state into the rollback.
            raw.sqlite3_reset(statement);
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), result, raw.sqlite3_extended_errcode(db));
        }

        return raw.sqlite3_changes(db);
    }

    private void ResolveSkipped(PendingAppend pending)
    {
        var append = pending.Append;
        var message = append.Message;
        var c = _conflict!.Parameters;
        c[0].Value = message.ConversationId;
        c[1].Value = (object?)message.ClientMessageId ?? DBNull.Value;
        c[2].Value = (object?)append.ChannelId ?? DBNull.Value;
        c[3].Value = (object?)append.ExternalId ?? DBNull.Value;
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

    private SqliteConnection Prepared(SqliteConnection connection)
    {
        if (ReferenceEquals(connection, _connection))
        {
            return connection;
        }

        DisposeStatements();
        var db = connection.Handle!;
        _savepoint = Prepare(db, "SAVEPOINT chunk");
        _rollbackToSavepoint = Prepare(db, "ROLLBACK TO chunk");
        _releaseSavepoint = Prepare(db, "RELEASE chunk");
        _conflict = connection.CreateCommand();
        _conflict.CommandText = ConflictSql;
        foreach (var name in new[] { "@c", "@cm", "@ch", "@ex" })
        {
            _conflict.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        _conflict.Prepare();
        _connection = connection;
        return connection;
    }

    private static string InsertSql(int rows)
    {
        var row = "(" + string.Join(',', Enumerable.Repeat("?", Columns)) + ")";
        return $"INSERT INTO messages ({MessageRows.Columns}) VALUES {string.Join(',', Enumerable.Repeat(row, rows))} ON CONFLICT DO NOTHING";
    }

    private static void BindText(sqlite3_stmt statement, int index, string? value)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(statement, index);
        }
        else
        {
            raw.sqlite3_bind_text(statement, index, value);
        }
    }

    private static sqlite3_stmt Prepare(sqlite3 db, string sql)
    {
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        return statement;
    }

    private static void Step(sqlite3 db, sqlite3_stmt statement)
    {
        raw.sqlite3_reset(statement);
        var result = raw.sqlite3_step(statement);
        if (result != raw.SQLITE_DONE)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), result, raw.sqlite3_extended_errcode(db));
        }
    }

    private static void Check(sqlite3 db, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), result, raw.sqlite3_extended_errcode(db));
        }
    }
}
