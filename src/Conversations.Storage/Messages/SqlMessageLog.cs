using Conversations.Contracts;
using Conversations.Grains.Persistence;
using Conversations.Storage.Sql;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Conversations.Storage.Messages;

/// <summary>The message log with group commit: appends from every conversation queue in one channel; background
/// writers take all that is pending (up to <see cref="StorageOptions.MaxBatchSize"/>) into one transaction and
/// complete each append only after that transaction committed. A failed batch is retried append by append, so
/// only the offending appends fail and nothing uncommitted is ever acknowledged.</summary>
public sealed class SqlMessageLog : IMessageLog, IAsyncDisposable
{
    private const int MaxReadLimit = 500;
    private readonly SqlDatabase _database;
    private readonly IMessageBatchWriter _writer;
    private readonly GroupCommit<PendingAppend> _commits;
    private readonly ILogger _logger;

    public SqlMessageLog(SqlDatabase database, StorageOptions options, ILogger<SqlMessageLog>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _logger = logger ?? NullLogger<SqlMessageLog>.Instance;
        (_writer, var writers) = database switch
        {
            SqliteDatabase sqlite => ((IMessageBatchWriter)new SqliteMessageBatchWriter(sqlite), 1),
            PostgresDatabase postgres => (new PostgresMessageBatchWriter(postgres), Math.Max(1, options.PostgresWriters)),
            _ => throw new ArgumentException($"Unsupported database {database.GetType().Name}.", nameof(database)),
        };
        _commits = new GroupCommit<PendingAppend>(batch => _writer.WriteAsync(batch, CancellationToken.None), options.MaxBatchSize, writers, _logger, "appends");
    }

    /// <inheritdoc/>
    public Task<AppendResult> AppendAsync(MessageAppend append, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(append);
        cancellationToken.ThrowIfCancellationRequested();

        // What is acknowledged must equal what a later read returns, and the databases keep microseconds.
        var normalized = append with { Message = append.Message with { CreatedAt = DbTime.Truncate(append.Message.CreatedAt) } };
        var pending = new PendingAppend(normalized);
        if (!_commits.TryEnqueue(pending))
        {
            throw new ObjectDisposedException(nameof(SqlMessageLog), "The message log is stopping.");
        }

        return pending.Task;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Message>> ReadAsync(string conversationId, long? beforeSeq, int limit, CancellationToken cancellationToken = default)
    {
        var messages = await QueryAsync(
            $"SELECT {MessageRows.Columns} FROM messages WHERE conversation_id = @conversationId AND seq < @before ORDER BY seq DESC LIMIT @limit",
            new { conversationId, before = beforeSeq ?? long.MaxValue, limit = Math.Clamp(limit, 1, MaxReadLimit) },
            cancellationToken);
        messages.Reverse();
        return messages;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<(string ClientMessageId, long Seq)>> ReadClientMessageIdsAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string ClientMessageId, long Seq)>(new CommandDefinition(
            "SELECT client_message_id, seq FROM messages WHERE conversation_id = @conversationId AND client_message_id IS NOT NULL ORDER BY seq",
            new { conversationId },
            cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <inheritdoc/>
    public async Task<long> GetLastSeqAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(seq) FROM messages WHERE conversation_id = @conversationId", new { conversationId }, cancellationToken: cancellationToken)) ?? 0;
    }

    /// <inheritdoc/>
    public async Task<Message?> FindByExternalIdAsync(string channelId, string externalId, CancellationToken cancellationToken = default)
    {
        var found = await QueryAsync(
            $"SELECT {MessageRows.Columns} FROM messages WHERE channel_id = @channelId AND external_id = @externalId",
            new { channelId, externalId },
            cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Stops taking appends, commits every pending one, and closes the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        await _commits.CompleteAsync();
        await _writer.DisposeAsync();
    }

    private async Task<List<Message>> QueryAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        var messages = new List<Message>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(MessageRows.Read(reader));
        }

        return messages;
    }
}
