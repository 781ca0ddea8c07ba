using System.Globalization;
using Conversations.Storage.Sql;
using Dapper;

namespace Conversations.Storage.Analytics;

/// <summary>Reports over the <c>events</c> table; the workspace and time index keeps a period's scan short.</summary>
public sealed class SqlAnalyticsReader(SqlDatabase database)
{
    /// <summary>Event counts per type in [<paramref name="from"/>, <paramref name="to"/>), by type name.</summary>
    public async Task<IReadOnlyList<EventTypeCount>> CountByTypeAsync(string workspaceId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            """
            SELECT type, COUNT(*) FROM events
            WHERE workspace_id = @workspaceId AND occurred_at >= @from AND occurred_at < @to
            GROUP BY type ORDER BY type
            """,
            new { workspaceId, from = database.Time(from), to = database.Time(to) },
            cancellationToken: cancellationToken));
        var counts = new List<EventTypeCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new EventTypeCount(reader.GetString(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture)));
        }

        return counts;
    }
}
