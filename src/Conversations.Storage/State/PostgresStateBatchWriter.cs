using Conversations.Storage.Sql;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Storage.State;

/// <summary>A PostgreSQL batch is applied in rounds, each one fenced UPDATE and one INSERT over <c>unnest</c> of
/// column arrays (a fixed number of parameters whatever the batch size) sent together in one round trip. A round
/// holds each grain state at most once, because one UPDATE ... FROM cannot apply two source rows to one target
/// row; a second write of the same state goes to the next round and so sees the first, as if sequential. Writes
/// the statements did not return failed their version check; their stored versions are read in the same
/// transaction for the exception's message.</summary>
internal sealed class PostgresStateBatchWriter(PostgresDatabase database) : IStateBatchWriter
{
    private const string UpdateSql =
        """
        UPDATE grain_state g SET version = u.expected + 1, payload = u.payload, updated_at = u.updated_at
        FROM unnest(@t, @k, @n, @e, @p, @u) AS u(type, key, state_name, expected, payload, updated_at)
        WHERE g.type = u.type AND g.key = u.key AND g.state_name = u.state_name AND g.version = u.expected
        RETURNING g.type, g.key, g.state_name
        """;

    private const string InsertSql =
        """
        INSERT INTO grain_state (type, key, state_name, version, payload, updated_at)
        SELECT u.type, u.key, u.state_name, 1, u.payload, u.updated_at
        FROM unnest(@t, @k, @n, @p, @u) AS u(type, key, state_name, payload, updated_at)
        ON CONFLICT DO NOTHING
        RETURNING type, key, state_name
        """;

    private const string VersionSql =
        """
        SELECT g.type, g.key, g.state_name, g.version FROM grain_state g
        JOIN unnest(@t, @k, @n) AS u(type, key, state_name) ON g.type = u.type AND g.key = u.key AND g.state_name = u.state_name
        """;

    public async Task WriteAsync(IReadOnlyList<PendingStateWrite> batch, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var round in Rounds(batch))
        {
            await ApplyAsync(connection, transaction, round, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Splits the batch so that each round holds every state at most once, keeping batch order per state.</summary>
    private static List<List<PendingStateWrite>> Rounds(IReadOnlyList<PendingStateWrite> batch)
    {
        var rounds = new List<List<PendingStateWrite>>();
        var seen = new Dictionary<(string, string, string), int>();
        foreach (var write in batch)
        {
            var key = Key(write);
            var index = seen.TryGetValue(key, out var count) ? count : 0;
            seen[key] = index + 1;
            if (index == rounds.Count)
            {
                rounds.Add([]);
            }

            rounds[index].Add(write);
        }

        return rounds;
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<PendingStateWrite> round, CancellationToken cancellationToken)
    {
        var inserts = round.Where(w => w.Expected == 0).ToList();
        var updates = round.Where(w => w.Expected != 0).ToList();
        await using var command = new NpgsqlBatch(connection, transaction);
        if (updates.Count > 0)
        {
            var update = new NpgsqlBatchCommand(UpdateSql);
            AddKeys(update, updates);
            update.Parameters.Add(new NpgsqlParameter<long[]>("e", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. updates.Select(w => w.Expected)] });
            AddValues(update, updates);
            command.BatchCommands.Add(update);
        }

        if (inserts.Count > 0)
        {
            var insert = new NpgsqlBatchCommand(InsertSql);
            AddKeys(insert, inserts);
            AddValues(insert, inserts);
            command.BatchCommands.Add(insert);
        }

        var written = new HashSet<(string, string, string)>(round.Count);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            do
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    written.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }

        var mismatched = new List<PendingStateWrite>();
        foreach (var write in round)
        {
            if (written.Contains(Key(write)))
            {
                write.Written();
            }
            else
            {
                mismatched.Add(write);
            }
        }

        if (mismatched.Count > 0)
        {
            await ResolveMismatchesAsync(connection, transaction, mismatched, cancellationToken);
        }
    }

    private static async Task ResolveMismatchesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<PendingStateWrite> mismatched, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<(string, string, string), long>();
        await using var command = new NpgsqlCommand(VersionSql, connection, transaction);
        AddText(command.Parameters, "t", [.. mismatched.Select(w => w.GrainId.Type)]);
        AddText(command.Parameters, "k", [.. mismatched.Select(w => w.GrainId.Key)]);
        AddText(command.Parameters, "n", [.. mismatched.Select(w => w.StateName)]);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                stored[(reader.GetString(0), reader.GetString(1), reader.GetString(2))] = reader.GetInt64(3);
            }
        }

        foreach (var write in mismatched)
        {
            write.Mismatched(stored.TryGetValue(Key(write), out var version) ? version : null);
        }
    }

    private static (string, string, string) Key(PendingStateWrite write) => (write.GrainId.Type, write.GrainId.Key, write.StateName);

    private static void AddKeys(NpgsqlBatchCommand command, List<PendingStateWrite> writes)
    {
        AddText(command.Parameters, "t", [.. writes.Select(w => w.GrainId.Type)]);
        AddText(command.Parameters, "k", [.. writes.Select(w => w.GrainId.Key)]);
        AddText(command.Parameters, "n", [.. writes.Select(w => w.StateName)]);
    }

    private static void AddValues(NpgsqlBatchCommand command, List<PendingStateWrite> writes)
    {
        command.Parameters.Add(new NpgsqlParameter<byte[][]>("p", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = [.. writes.Select(w => w.Payload)] });
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>("u", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
        {
            TypedValue = [.. writes.Select(w => w.UpdatedAt.UtcDateTime)],
        });
    }

    private static void AddText(NpgsqlParameterCollection parameters, string name, string[] values) =>
        parameters.Add(new NpgsqlParameter<string[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = values });
}
