using System.Data.Common;
using System.Text;
using Conversations.Grains.Persistence;
using Conversations.Storage.Sql;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Conversations.Storage.Index;

/// <summary>The console's conversation lists: one row per conversation plus per-agent unread counts, paged by
/// keyset on (updated_at desc, conversation_id desc) so pages stay stable while rows keep changing. Upserts are
/// written behind (see <see cref="IndexWriteBehind"/>): a conversation's change costs no transaction of its own,
/// and every read first waits for this process's earlier upserts to be committed.</summary>
public sealed class SqlConversationIndex : IConversationIndex, IAsyncDisposable
{
    private const int MaxLimit = 200;
    private readonly SqlDatabase _database;
    private readonly IndexWriteBehind _writeBehind;

    public SqlConversationIndex(SqlDatabase database, ILogger<SqlConversationIndex>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _writeBehind = new IndexWriteBehind(new IndexBatchWriter(database), logger ?? (ILogger)NullLogger<SqlConversationIndex>.Instance);
    }

    /// <inheritdoc/>
    public Task UpsertAsync(ConversationIndexEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        _writeBehind.Enqueue(entry);
        return Task.CompletedTask;
    }

    /// <summary>Stops taking upserts and commits every pending one.</summary>
    public ValueTask DisposeAsync() => _writeBehind.DisposeAsync();

    /// <inheritdoc/>
    public async Task<ConversationIndexEntry?> GetAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        await _writeBehind.FlushedAsync(cancellationToken);
        await using var connection = await _database.OpenAsync(cancellationToken);
        var rows = await ReadAsync(connection, $"SELECT {IndexRow.Columns} FROM conversation_index WHERE conversation_id = @conversationId", new DynamicParameters(new { conversationId }), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc/>
    public async Task<ConversationPage> QueryAsync(ConversationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, MaxLimit);
        var sql = new StringBuilder($"SELECT {IndexRow.Columns} FROM conversation_index ci WHERE workspace_id = @WorkspaceId");
        var parameters = new DynamicParameters(new { query.WorkspaceId, Take = limit + 1 });
        sql.Append(query.View switch
        {
            ConversationView.Live => " AND status IN ('waiting', 'live')",
            ConversationView.Closed => " AND status = 'closed'",
            _ => " AND status = 'bot'",
        });
        if (!AddFilter(sql, parameters, query))
        {
            return new ConversationPage([], null);
        }

        AddScope(sql, parameters, query);
        if (query.Cursor is { Length: > 0 } cursorText)
        {
            var cursor = ConversationCursor.Decode(cursorText);
            sql.Append(" AND (updated_at < @CursorAt OR (updated_at = @CursorAt AND conversation_id < @CursorId))");
            parameters.Add("CursorAt", _database.Time(DbTime.FromMicros(cursor.UpdatedAtMicros)));
            parameters.Add("CursorId", cursor.ConversationId);
        }

        sql.Append(" ORDER BY updated_at DESC, conversation_id DESC LIMIT @Take");
        await _writeBehind.FlushedAsync(cancellationToken);
        await using var connection = await _database.OpenAsync(cancellationToken);
        var rows = await ReadAsync(connection, sql.ToString(), parameters, cancellationToken);
        if (rows.Count <= limit)
        {
            return new ConversationPage(rows, null);
        }

        rows.RemoveAt(limit);
        var last = rows[^1];
        return new ConversationPage(rows, new ConversationCursor(DbTime.ToMicros(last.UpdatedAt), last.ConversationId).Encode());
    }

    /// <summary>Adds the filter; false when it can match nothing (unread or mine without an agent).</summary>
    private static bool AddFilter(StringBuilder sql, DynamicParameters parameters, ConversationQuery query)
    {
        switch (query.Filter)
        {
            case ConversationFilter.Unassigned:
                sql.Append(" AND assigned_agent_id IS NULL");
                return true;
            case ConversationFilter.Mine when query.AgentId is not null:
                sql.Append(" AND assigned_agent_id = @AgentId");
                parameters.Add("AgentId", query.AgentId);
                return true;
            case ConversationFilter.Unread when query.AgentId is not null:
                sql.Append(" AND EXISTS (SELECT 1 FROM conversation_unread u WHERE u.conversation_id = ci.conversation_id AND u.agent_id = @AgentId AND u.unread > 0)");
                parameters.Add("AgentId", query.AgentId);
                return true;
            case ConversationFilter.All:
                return true;
            default:
                return false;
        }
    }

    private void AddScope(StringBuilder sql, DynamicParameters parameters, ConversationQuery query)
    {
        if (query.SiteId is { Length: > 0 })
        {
            sql.Append(" AND site_id = @SiteId");
            parameters.Add("SiteId", query.SiteId);
        }

        if (query.AllowedSiteIds is { } allowed)
        {
            sql.Append(" AND ").Append(_database.InList("site_id", "AllowedSiteIds"));
            parameters.Add("AllowedSiteIds", allowed.ToArray());
        }

        if (query.Search is { Length: > 0 } search)
        {
            sql.Append(@" AND (lower(contact_name) LIKE @Pattern ESCAPE '\' OR lower(last_message_text) LIKE @Pattern ESCAPE '\')");
            parameters.Add("Pattern", $"%{EscapeLike(search.ToLowerInvariant())}%");
        }
    }

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    private async Task<List<ConversationIndexEntry>> ReadAsync(DbConnection connection, string sql, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        var entries = new List<ConversationIndexEntry>();
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(IndexRow.Read(reader, EmptyUnread));
            }
        }

        if (entries.Count == 0)
        {
            return entries;
        }

        // A second query (not a join) keeps one row per conversation; the reader is closed first because
        // PostgreSQL runs one command at a time per connection.
        var unread = new Dictionary<string, Dictionary<string, int>>();
        var ids = entries.Select(e => e.ConversationId).ToArray();
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT conversation_id, agent_id, unread FROM conversation_unread WHERE {_database.InList("conversation_id", "ids")}", new { ids }, cancellationToken: cancellationToken)))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var conversationId = reader.GetString(0);
                if (!unread.TryGetValue(conversationId, out var counts))
                {
                    unread[conversationId] = counts = [];
                }

                counts[reader.GetString(1)] = Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return [.. entries.Select(e => unread.TryGetValue(e.ConversationId, out var counts) ? e with { UnreadByAgent = counts } : e)];
    }

    private static readonly IReadOnlyDictionary<string, int> EmptyUnread = new Dictionary<string, int>();
}
