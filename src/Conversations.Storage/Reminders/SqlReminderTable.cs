using System.Data.Common;
using System.Globalization;
using Conversations.Storage.Sql;
using Conversations.Storage.State;
using Dapper;

namespace Conversations.Storage.Reminders;

/// <summary>Orleans' reminder table over our <c>reminders</c> table: a row per (grain type, grain key, name),
/// with the grain's uniform hash so each silo reads the reminders of its ring range, and an ETag (a counter
/// bumped on every upsert) that fences removals.</summary>
public sealed class SqlReminderTable(SqlDatabase database) : IReminderTable
{
    private const string Select = "SELECT grain_type, grain_key, name, start_at, period_ms, etag FROM reminders";
    private const string ThisGrain = "grain_type = @Type AND grain_key = @Key";

    /// <summary>Gives rows stored before migration 0004 their grain hash, which only .NET can compute.</summary>
    public async Task Init()
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var unhashed = (await connection.QueryAsync<(string Type, string Key)>(
            "SELECT DISTINCT grain_type, grain_key FROM reminders WHERE grain_hash IS NULL")).ToList();
        foreach (var (type, key) in unhashed)
        {
            await connection.ExecuteAsync(
                $"UPDATE reminders SET grain_hash = @Hash WHERE {ThisGrain}",
                new { Type = type, Key = key, Hash = (long)GrainId.Create(type, key).GetUniformHashCode() });
        }
    }

    /// <inheritdoc/>
    public Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        var id = StoredGrainId.From(grainId);
        return QueryAsync($"{Select} WHERE {ThisGrain}", new { id.Type, id.Key });
    }

    /// <inheritdoc/>
    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        // Orleans' ring ranges are (begin, end]; a range that wraps around zero is two intervals.
        QueryAsync(
            begin < end
                ? $"{Select} WHERE grain_hash > @Begin AND grain_hash <= @End"
                : $"{Select} WHERE grain_hash > @Begin OR grain_hash <= @End",
            new { Begin = (long)begin, End = (long)end });

    /// <inheritdoc/>
    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var id = StoredGrainId.From(grainId);
        var rows = await QueryAsync($"{Select} WHERE {ThisGrain} AND name = @Name", new { id.Type, id.Key, Name = reminderName });
        return rows.Reminders.FirstOrDefault();
    }

    /// <inheritdoc/>
    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var id = StoredGrainId.From(entry.GrainId);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var etag = await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO reminders (grain_type, grain_key, name, start_at, period_ms, grain_hash, etag)
            VALUES (@Type, @Key, @Name, @StartAt, @PeriodMs, @Hash, 1)
            ON CONFLICT (grain_type, grain_key, name) DO UPDATE
            SET start_at = excluded.start_at, period_ms = excluded.period_ms, grain_hash = excluded.grain_hash, etag = reminders.etag + 1
            RETURNING etag
            """,
            new
            {
                id.Type,
                id.Key,
                Name = entry.ReminderName,
                StartAt = database.Time(new DateTimeOffset(DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc))),
                PeriodMs = (long)entry.Period.TotalMilliseconds,
                Hash = (long)entry.GrainId.GetUniformHashCode(),
            });
        return etag.ToString(CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        var id = StoredGrainId.From(grainId);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var deleted = await connection.ExecuteAsync(
            $"DELETE FROM reminders WHERE {ThisGrain} AND name = @Name AND etag = @ETag",
            new { id.Type, id.Key, Name = reminderName, ETag = long.TryParse(eTag, CultureInfo.InvariantCulture, out var version) ? version : -1 });
        return deleted > 0;
    }

    /// <inheritdoc/>
    public async Task TestOnlyClearTable()
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("DELETE FROM reminders");
    }

    private async Task<ReminderTableData> QueryAsync(string sql, object parameters)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var reader = await connection.ExecuteReaderAsync(sql, parameters);
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync())
        {
            entries.Add(Read(reader));
        }

        return new ReminderTableData(entries);
    }

    private static ReminderEntry Read(DbDataReader reader) => new()
    {
        GrainId = GrainId.Create(reader.GetString(0), reader.GetString(1)),
        ReminderName = reader.GetString(2),
        StartAt = DbTime.Read(reader.GetValue(3)).UtcDateTime,
        Period = TimeSpan.FromMilliseconds(reader.GetInt64(4)),
        ETag = reader.GetInt64(5).ToString(CultureInfo.InvariantCulture),
    };
}
