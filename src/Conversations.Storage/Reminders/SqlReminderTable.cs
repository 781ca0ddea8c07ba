using System.Data.Common;
using Conversations.Actors;
using Conversations.Storage.Sql;
using Dapper;

namespace Conversations.Storage.Reminders;

/// <summary>Durable reminders in the <c>reminders</c> table; the silo reads them all when it starts.</summary>
public sealed class SqlReminderTable(SqlDatabase database) : IReminderTable
{
    private const string Select = "SELECT grain_type, grain_key, name, start_at, period_ms FROM reminders";

    /// <inheritdoc/>
    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken) =>
        QueryAsync(Select, null, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken) =>
        QueryAsync($"{Select} WHERE grain_type = @Type AND grain_key = @Key", new { grainId.Type, grainId.Key }, cancellationToken);

    /// <inheritdoc/>
    public async Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO reminders (grain_type, grain_key, name, start_at, period_ms) VALUES (@Type, @Key, @Name, @StartAt, @PeriodMs)
            ON CONFLICT (grain_type, grain_key, name) DO UPDATE SET start_at = excluded.start_at, period_ms = excluded.period_ms
            """,
            new
            {
                entry.GrainId.Type,
                entry.GrainId.Key,
                Name = entry.ReminderName,
                StartAt = database.Time(entry.StartAt),
                PeriodMs = (long)entry.Period.TotalMilliseconds,
            },
            cancellationToken: cancellationToken));
    }

    /// <inheritdoc/>
    public async Task<bool> RemoveAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM reminders WHERE grain_type = @Type AND grain_key = @Key AND name = @Name",
            new { grainId.Type, grainId.Key, Name = reminderName },
            cancellationToken: cancellationToken));
        return deleted > 0;
    }

    private async Task<IReadOnlyList<ReminderEntry>> QueryAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(Read(reader));
        }

        return entries;
    }

    private static ReminderEntry Read(DbDataReader reader) => new(
        new GrainId(reader.GetString(0), reader.GetString(1)),
        reader.GetString(2),
        DbTime.Read(reader.GetValue(3)),
        TimeSpan.FromMilliseconds(reader.GetInt64(4)));
}
