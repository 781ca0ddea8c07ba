using System.Diagnostics;
using Conversations.Contracts;
using Conversations.Storage.Sql;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Conversations.Benchmarks;

/// <summary>The fast path a competent engineer would write to bulk-load the same rows into the same <c>messages</c>
/// table, with no idempotency, no per-append decisions and no acknowledgements: the ceiling the message log is
/// measured against. Both providers commit every <see cref="RowsPerCommit"/> rows (the size of a full group commit of
/// 1,000 waiting conversations) with the database's durable settings (SQLite WAL with <c>synchronous=FULL</c> set by
/// <see cref="SqlDatabase.OpenAsync"/>; PostgreSQL's default <c>synchronous_commit=on</c>).
/// <list type="bullet">
/// <item>SQLite: one <c>INSERT INTO messages (...) VALUES (?,...),(?,...)...</c> of <see cref="SqliteRowsPerInsert"/>
/// rows with positional <c>?</c> parameters, prepared once on the raw SQLite handle and reused (reset, rebound by
/// ordinal with <c>sqlite3_bind_*</c>, stepped): no parameter objects, no name lookups, no boxing. The rows of a commit
/// that do not fill a statement (none here: 1,000 = 10 x 100) go through a one-row statement.</item>
/// <item>PostgreSQL: one <c>INSERT INTO messages (...) SELECT * FROM unnest($1, ..., $14)</c> per commit, the 14
/// columns as typed array parameters (positional, binary), explicitly prepared once on one connection.</item>
/// </list></summary>
internal static class StorageBaseline
{
    public const int RowsPerCommit = 1_000;

    // Statements of 1,400 parameters: larger ones are no faster (the per-statement cost is already spread thin).
    private const int SqliteRowsPerInsert = 100;
    private const int Columns = 14;

    private const string ColumnList =
        "conversation_id, seq, id, kind, author_kind, author_id, author_name, text, attachment, options, client_message_id, channel_id, external_id, created_at";

    /// <summary>Inserts <paramref name="rows"/> in the order given (the caller passes them in the log's arrival order)
    /// with channel "bench" and external id = message id, as the benchmark's appends are, and returns rows per second.</summary>
    public static Task<double> RowsPerSecondAsync(SqlDatabase database, Message[] rows) => database switch
    {
        SqliteDatabase sqlite => SqliteAsync(sqlite, rows),
        PostgresDatabase postgres => PostgresAsync(postgres, rows),
        _ => throw new ArgumentException($"Unsupported database {database.GetType().Name}.", nameof(database)),
    };

    private static async Task<double> SqliteAsync(SqliteDatabase database, Message[] rows)
    {
        await using var connection = (SqliteConnection)await database.OpenAsync(CancellationToken.None);
        var db = connection.Handle!;
        using var many = Prepare(db, SqliteRowsPerInsert);
        using var one = Prepare(db, 1);
        var clock = Stopwatch.StartNew();
        foreach (var commit in rows.Chunk(RowsPerCommit))
        {
            using var transaction = connection.BeginTransaction();
            var i = 0;
            for (; i + SqliteRowsPerInsert <= commit.Length; i += SqliteRowsPerInsert)
            {
                Insert(db, many, commit.AsSpan(i, SqliteRowsPerInsert));
            }

            for (; i < commit.Length; i++)
            {
                Insert(db, one, commit.AsSpan(i, 1));
            }

            transaction.Commit();
        }

        return rows.Length / clock.Elapsed.TotalSeconds;
    }

    private static sqlite3_stmt Prepare(sqlite3 db, int rowCount)
    {
        var row = "(" + string.Join(',', Enumerable.Repeat("?", Columns)) + ")";
        var sql = $"INSERT INTO messages ({ColumnList}) VALUES {string.Join(',', Enumerable.Repeat(row, rowCount))}";
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        return statement;
    }

    private static void Insert(sqlite3 db, sqlite3_stmt statement, ReadOnlySpan<Message> rows)
    {
        Check(db, raw.sqlite3_reset(statement));
        var p = 1;
        foreach (var m in rows)
        {
            raw.sqlite3_bind_text(statement, p++, m.ConversationId);
            raw.sqlite3_bind_int64(statement, p++, m.Seq);
            raw.sqlite3_bind_text(statement, p++, m.Id);
            raw.sqlite3_bind_text(statement, p++, "text");
            raw.sqlite3_bind_text(statement, p++, "customer");
            raw.sqlite3_bind_text(statement, p++, m.Author.Id);
            raw.sqlite3_bind_text(statement, p++, m.Author.Name);
            raw.sqlite3_bind_text(statement, p++, m.Text);
            raw.sqlite3_bind_null(statement, p++);
            raw.sqlite3_bind_null(statement, p++);
            raw.sqlite3_bind_text(statement, p++, m.ClientMessageId);
            raw.sqlite3_bind_text(statement, p++, "bench");
            raw.sqlite3_bind_text(statement, p++, m.Id);
            raw.sqlite3_bind_int64(statement, p++, DbTimeMicros(m.CreatedAt));
        }

        if (raw.sqlite3_step(statement) != raw.SQLITE_DONE)
        {
            throw new InvalidOperationException(raw.sqlite3_errmsg(db).utf8_to_string());
        }
    }

    private static async Task<double> PostgresAsync(PostgresDatabase database, Message[] rows)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            $"INSERT INTO messages ({ColumnList}) SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)", connection);
        var conversation = Text(command);
        var seq = new NpgsqlParameter<long[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint };
        command.Parameters.Add(seq);
        var id = Text(command);
        var kind = Text(command);
        var authorKind = Text(command);
        var authorId = Text(command);
        var authorName = Text(command);
        var text = Text(command);
        var attachment = Text(command);
        var options = Text(command);
        var clientId = Text(command);
        var channel = Text(command);
        var external = Text(command);
        var createdAt = new NpgsqlParameter<DateTime[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz };
        command.Parameters.Add(createdAt);
        await command.PrepareAsync();

        var clock = Stopwatch.StartNew();
        foreach (var commit in rows.Chunk(RowsPerCommit))
        {
            var n = commit.Length;
            conversation.TypedValue = new string?[n];
            seq.TypedValue = new long[n];
            id.TypedValue = new string?[n];
            kind.TypedValue = new string?[n];
            authorKind.TypedValue = new string?[n];
            authorId.TypedValue = new string?[n];
            authorName.TypedValue = new string?[n];
            text.TypedValue = new string?[n];
            attachment.TypedValue = new string?[n];
            options.TypedValue = new string?[n];
            clientId.TypedValue = new string?[n];
            channel.TypedValue = new string?[n];
            external.TypedValue = new string?[n];
            createdAt.TypedValue = new DateTime[n];
            for (var i = 0; i < n; i++)
            {
                var m = commit[i];
                conversation.TypedValue[i] = m.ConversationId;
                seq.TypedValue[i] = m.Seq;
                id.TypedValue[i] = m.Id;
                kind.TypedValue[i] = "text";
                authorKind.TypedValue[i] = "customer";
                authorId.TypedValue[i] = m.Author.Id;
                authorName.TypedValue[i] = m.Author.Name;
                text.TypedValue[i] = m.Text;
                clientId.TypedValue[i] = m.ClientMessageId;
                channel.TypedValue[i] = "bench";
                external.TypedValue[i] = m.Id;
                createdAt.TypedValue[i] = m.CreatedAt.UtcDateTime;
            }

            await using var transaction = await connection.BeginTransactionAsync();
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        return rows.Length / clock.Elapsed.TotalSeconds;
    }

    private static NpgsqlParameter<string?[]> Text(NpgsqlCommand command)
    {
        var parameter = new NpgsqlParameter<string?[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static long DbTimeMicros(DateTimeOffset value) => (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (TimeSpan.TicksPerMillisecond / 1000);

    private static void Check(sqlite3 db, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new InvalidOperationException(raw.sqlite3_errmsg(db).utf8_to_string());
        }
    }
}
