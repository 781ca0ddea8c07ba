using System.Threading.Channels;
using Conversations.Grains.Persistence;
using Conversations.Storage.Sql;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Conversations.Storage.Analytics;

/// <summary>Analytics events queued in memory and written by one background writer about once every
/// <see cref="BatchWindow"/>, everything pending in transactions of at most <see cref="EventsPerCommit"/>. Recording never waits on the database:
/// analytics must not slow a conversation down, and a batch that fails is logged and dropped rather than retried
/// forever. The window matters on SQLite, where every writer takes turns at one write lock: written as soon as
/// they came, a busy site's events made dozens of small commits a second that the message log queued behind.</summary>
public sealed class SqlAnalyticsSink : IAnalyticsSink, IAsyncDisposable
{
    private const string InsertSql =
        "INSERT INTO events (workspace_id, type, conversation_id, agent_id, occurred_at, data) VALUES (@WorkspaceId, @Type, @ConversationId, @AgentId, @OccurredAt, @Data)";

    // Events per transaction: the SQLite write lock is shared with the message log, whose acknowledgements
    // would otherwise wait behind a whole second's events in one commit.
    private const int EventsPerCommit = 500;

    private readonly SqlDatabase _database;
    private readonly ILogger _logger;
    private readonly int _maxBatchSize;
    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private volatile TaskCompletionSource _urgent = NewSignal();

    public SqlAnalyticsSink(SqlDatabase database, StorageOptions options, ILogger<SqlAnalyticsSink>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _logger = logger ?? NullLogger<SqlAnalyticsSink>.Instance;
        _maxBatchSize = Math.Clamp(options.MaxBatchSize, 1, EventsPerCommit);
        _loop = Task.Run(WriteLoopAsync);
    }

    /// <summary>How long recorded events wait for others to share their commit.</summary>
    public static TimeSpan BatchWindow { get; } = TimeSpan.FromSeconds(1);

    /// <summary>How many batches were written; tests use it to see batching happen.</summary>
    public int BatchesWritten { get; private set; }

    /// <inheritdoc/>
    public void Record(AnalyticsEvent analyticsEvent)
    {
        ArgumentNullException.ThrowIfNull(analyticsEvent);
        if (!_queue.Writer.TryWrite(analyticsEvent))
        {
            _logger.LogWarning("Analytics event {Type} dropped: the sink is stopped.", analyticsEvent.Type);
        }
    }

    /// <summary>Completes once every event recorded before the call is written.</summary>
    public Task FlushAsync()
    {
        var flushed = NewSignal();
        if (!_queue.Writer.TryWrite(flushed))
        {
            return _loop;
        }

        _urgent.TrySetResult();
        return flushed.Task;
    }

    /// <summary>The stored events of a workspace in order of occurrence (reports and tests).</summary>
    public async Task<IReadOnlyList<AnalyticsEvent>> ReadAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            "SELECT workspace_id, type, conversation_id, agent_id, occurred_at, data FROM events WHERE workspace_id = @workspaceId ORDER BY occurred_at, id",
            new { workspaceId },
            cancellationToken: cancellationToken));
        var events = new List<AnalyticsEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new AnalyticsEvent(
                reader.GetString(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                DbTime.Read(reader.GetValue(4)),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return events;
    }

    /// <summary>Writes what is queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        _urgent.TrySetResult();
        await _loop;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<AnalyticsEvent>(_maxBatchSize);
        var flushes = new List<TaskCompletionSource>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            // A flush (a reader, or stopping) cuts the wait short; events recorded after it wait for the next turn.
            var urgent = _urgent;
            await Task.WhenAny(urgent.Task, Task.Delay(BatchWindow));
            if (urgent.Task.IsCompleted)
            {
                _urgent = NewSignal();
            }

            // Everything pending goes now, in as many batches as it takes, so the queue never falls behind.
            while (_queue.Reader.TryPeek(out _))
            {
                while (batch.Count < _maxBatchSize && _queue.Reader.TryRead(out var item))
                {
                    if (item is AnalyticsEvent analyticsEvent)
                    {
                        batch.Add(analyticsEvent);
                    }
                    else
                    {
                        flushes.Add((TaskCompletionSource)item);
                        break;
                    }
                }

                await WriteAsync(batch);
                batch.Clear();
                flushes.ForEach(f => f.TrySetResult());
                flushes.Clear();
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task WriteAsync(List<AnalyticsEvent> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await using var turn = await _database.BeginWriteAsync(writeBehind: true, CancellationToken.None);
            var connection = turn.Connection;
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = BatchCommand.Create(connection, transaction, InsertSql, "WorkspaceId", "Type", "ConversationId", "AgentId", "OccurredAt", "Data");
            foreach (var e in batch)
            {
                BatchCommand.Bind(insert, e.WorkspaceId, e.Type, e.ConversationId, e.AgentId, _database.Time(e.OccurredAt), e.Data);
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
            BatchesWritten++;
        }
        catch (Exception error)
        {
            _logger.LogError(error, "Dropped a batch of {Count} analytics events.", batch.Count);
        }
    }
}
