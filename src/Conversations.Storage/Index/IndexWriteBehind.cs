using Conversations.Grains.Persistence;
using Microsoft.Extensions.Logging;

namespace Conversations.Storage.Index;

/// <summary>The index's write-behind buffer. An upsert replaces the conversation's pending row (the latest entry
/// wins) and returns at once; one background loop commits all pending rows about every <see cref="FlushInterval"/>
/// (in transactions of a hundred rows, see <see cref="IndexBatchWriter"/>), sooner when <see cref="FlushAt"/> rows
/// are pending or a reader waits.
/// <para>Readers call <see cref="FlushedAsync"/> first: it completes once every upsert accepted before it is
/// committed, so this process always reads its own writes.</para>
/// <para>A crash loses at most the rows of the last interval. That is acceptable because the index is a read
/// model of the conversation grains, which are the record (their state and messages are group-committed before
/// they acknowledge): a conversation's row is rewritten whole by the grain's next change, and a lost row only
/// shows a list entry up to a second old until then.</para>
/// <para>The interval is a second because the index is small and hot: a thousand live conversations fit in about
/// a hundred pages, and every commit rewrites each page it touched (in the WAL on SQLite, then again at the
/// checkpoint). At 20 ms a busy site rewrote those pages 50 times a second, and each conversation's row with
/// every message; over a second its changes fold into one row. Consoles do not wait for it: they get rows as
/// events, and a list read on this node flushes first.</para></summary>
internal sealed class IndexWriteBehind : IAsyncDisposable
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);
    // Pending rows are one per conversation, so this bounds memory (a few MB), not how often a busy site
    // flushes: at 1,000 it was the number of live conversations in e2e, and every conversation's first message
    // of the interval triggered a flush, several a second, each rewriting every row.
    public const int FlushAt = 10_000;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);

    private readonly object _gate = new();
    private readonly IndexBatchWriter _writer;
    private readonly ILogger _logger;
    private readonly List<(long Upto, TaskCompletionSource Done)> _barriers = [];
    private readonly Task _loop;
    private Dictionary<string, ConversationIndexEntry> _buffer = [];
    private TaskCompletionSource _work = NewSignal();
    private TaskCompletionSource _urgent = NewSignal();
    private long _accepted;
    private long _committed;
    private bool _stopping;

    public IndexWriteBehind(IndexBatchWriter writer, ILogger logger)
    {
        _writer = writer;
        _logger = logger;
        _loop = Task.Run(FlushLoopAsync);
    }

    /// <summary>Buffers the entry, replacing any pending entry of its conversation.</summary>
    public void Enqueue(ConversationIndexEntry entry)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            _buffer[entry.ConversationId] = entry;
            _accepted++;
            _work.TrySetResult();
            if (_buffer.Count >= FlushAt)
            {
                _urgent.TrySetResult();
            }
        }
    }

    /// <summary>Completes once every entry enqueued before the call is committed (the read-after-write barrier).</summary>
    public Task FlushedAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            if (_committed >= _accepted)
            {
                return Task.CompletedTask;
            }

            done = NewSignal();
            _barriers.Add((_accepted, done));
            _work.TrySetResult();
            _urgent.TrySetResult();
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops taking entries and commits every pending one.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _stopping = true;
            _work.TrySetResult();
            _urgent.TrySetResult();
        }

        await _loop;
    }

    private async Task FlushLoopAsync()
    {
        while (true)
        {
            Task work;
            lock (_gate)
            {
                work = _work.Task;
            }

            await work;
            Task urgent;
            lock (_gate)
            {
                urgent = _urgent.Task;
            }

            // Waiting a little lets one transaction carry the changes of many conversations, and of many
            // changes of one conversation.
            await Task.WhenAny(urgent, Task.Delay(FlushInterval));
            Dictionary<string, ConversationIndexEntry> batch;
            long upto;
            lock (_gate)
            {
                batch = _buffer;
                _buffer = [];
                upto = _accepted;
                _work = NewSignal();
                _urgent = NewSignal();
            }

            var error = await TryWriteAsync(batch.Values);
            lock (_gate)
            {
                if (error is null)
                {
                    _committed = upto;
                }
                else
                {
                    // Put back what no newer entry replaced meanwhile; it goes with the next flush.
                    foreach (var (id, entry) in batch)
                    {
                        _buffer.TryAdd(id, entry);
                    }
                }

                Release(upto, error);
                if (_stopping && _buffer.Count == 0)
                {
                    return;
                }

                if (_stopping && error is not null)
                {
                    // The host is stopping and the database refuses: give up rather than hold the stop forever.
                    _logger.LogError(error, "{Count} conversation index rows were not written before stopping.", _buffer.Count);
                    Release(long.MaxValue, error);
                    return;
                }

                if (_buffer.Count > 0)
                {
                    _work.TrySetResult();
                }
            }

            if (error is not null)
            {
                await Task.Delay(RetryDelay);
            }
        }
    }

    private async Task<Exception?> TryWriteAsync(IReadOnlyCollection<ConversationIndexEntry> batch)
    {
        if (batch.Count == 0)
        {
            return null;
        }

        try
        {
            await _writer.WriteAsync(batch, CancellationToken.None);
            return null;
        }
        catch (Exception error)
        {
            _logger.LogWarning(error, "Writing {Count} conversation index rows failed; they stay pending.", batch.Count);
            return error;
        }
    }

    /// <summary>Completes (or fails) the barriers waiting for entries up to <paramref name="upto"/>.</summary>
    private void Release(long upto, Exception? error)
    {
        _barriers.RemoveAll(barrier =>
        {
            if (barrier.Upto > upto)
            {
                return false;
            }

            if (error is null)
            {
                barrier.Done.TrySetResult();
            }
            else
            {
                barrier.Done.TrySetException(error);
            }

            return true;
        });
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
