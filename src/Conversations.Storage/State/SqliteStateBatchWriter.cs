using Conversations.Storage.Sql;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Conversations.Storage.State;

/// <summary>The single SQLite state writer, on the database's write connection (see
/// <see cref="SqliteDatabase.BeginWriteAsync"/>), with three statements prepared on its raw handle whenever that
/// connection is new, and bound by ordinal. Writes are applied one statement each, in order, inside the batch's transaction:
/// a keyed update or insert costs microseconds, so per-row statements are cheap, and they give each write its own
/// version check and make a second write of the same grain see the first. The commit (one WAL fsync) is what a
/// batch shares.</summary>
internal sealed class SqliteStateBatchWriter(SqliteDatabase database) : IStateBatchWriter
{
    private const string InsertSql =
        "INSERT INTO grain_state (type, key, state_name, version, payload, updated_at) VALUES (?1, ?2, ?3, 1, ?4, ?5) ON CONFLICT DO NOTHING";

    private const string UpdateSql =
        "UPDATE grain_state SET version = ?5 + 1, payload = ?4, updated_at = ?6 WHERE type = ?1 AND key = ?2 AND state_name = ?3 AND version = ?5";

    private const string VersionSql = "SELECT version FROM grain_state WHERE type = ?1 AND key = ?2 AND state_name = ?3";

    private SqliteConnection? _connection;
    private sqlite3_stmt? _insert;
    private sqlite3_stmt? _update;
    private sqlite3_stmt? _version;

    public async Task WriteAsync(IReadOnlyList<PendingStateWrite> batch, CancellationToken cancellationToken)
    {
        await using var turn = await database.BeginWriteAsync(writeBehind: false, cancellationToken);
        var connection = Prepared((SqliteConnection)turn.Connection);
        var db = connection.Handle!;
        using var transaction = connection.BeginTransaction();
        foreach (var write in batch)
        {
            if (Apply(db, write))
            {
                write.Written();
            }
            else
            {
                write.Mismatched(StoredVersion(db, write));
            }
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
        _insert?.Dispose();
        _update?.Dispose();
        _version?.Dispose();
        _insert = _update = _version = null;
        _connection = null;
    }

    /// <summary>Runs the write's insert (version 0) or fenced update; true when it changed the row.</summary>
    private bool Apply(sqlite3 db, PendingStateWrite write)
    {
        var statement = write.Expected == 0 ? _insert! : _update!;
        BindKey(db, statement, write);
        if (write.Payload.Length == 0)
        {
            Check(db, raw.sqlite3_bind_zeroblob(statement, 4, 0));
        }
        else
        {
            Check(db, raw.sqlite3_bind_blob(statement, 4, write.Payload));
        }

        if (write.Expected == 0)
        {
            Check(db, raw.sqlite3_bind_int64(statement, 5, DbTime.ToMicros(write.UpdatedAt)));
        }
        else
        {
            Check(db, raw.sqlite3_bind_int64(statement, 5, write.Expected));
            Check(db, raw.sqlite3_bind_int64(statement, 6, DbTime.ToMicros(write.UpdatedAt)));
        }

        var result = raw.sqlite3_step(statement);

        // Reset at once so no statement holds its lock or error state into the commit or a rollback.
        raw.sqlite3_reset(statement);
        if (result != raw.SQLITE_DONE)
        {
            throw Error(db, result);
        }

        return raw.sqlite3_changes(db) == 1;
    }

    private long? StoredVersion(sqlite3 db, PendingStateWrite write)
    {
        var statement = _version!;
        BindKey(db, statement, write);
        var result = raw.sqlite3_step(statement);
        long? version = result == raw.SQLITE_ROW ? raw.sqlite3_column_int64(statement, 0) : null;
        raw.sqlite3_reset(statement);
        if (result is not raw.SQLITE_ROW and not raw.SQLITE_DONE)
        {
            throw Error(db, result);
        }

        return version;
    }

    private static void BindKey(sqlite3 db, sqlite3_stmt statement, PendingStateWrite write)
    {
        Check(db, raw.sqlite3_bind_text(statement, 1, write.GrainId.Type));
        Check(db, raw.sqlite3_bind_text(statement, 2, write.GrainId.Key));
        Check(db, raw.sqlite3_bind_text(statement, 3, write.StateName));
    }

    private SqliteConnection Prepared(SqliteConnection connection)
    {
        if (ReferenceEquals(connection, _connection))
        {
            return connection;
        }

        DisposeStatements();
        var db = connection.Handle!;
        _insert = Prepare(db, InsertSql);
        _update = Prepare(db, UpdateSql);
        _version = Prepare(db, VersionSql);
        _connection = connection;
        return connection;
    }

    private static sqlite3_stmt Prepare(sqlite3 db, string sql)
    {
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        return statement;
    }

    private static void Check(sqlite3 db, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw Error(db, result);
        }
    }

    private static SqliteException Error(sqlite3 db, int result) =>
        new(raw.sqlite3_errmsg(db).utf8_to_string(), result, raw.sqlite3_extended_errcode(db));
}
