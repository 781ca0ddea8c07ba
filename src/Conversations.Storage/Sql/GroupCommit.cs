using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Conversations.Storage.Sql;

/// <summary>Group commit: writes from many callers queue in a channel, and each writer loop takes
/// everything pending (up to the batch size) into one transaction, acknowledging each write only after
/// its commit. When a batch fails as a whole, its writes are retried one by one, so only the writes
/// that fail on their own fail and nothing uncommitted is ever acknowledged.</summary>
/// <typeparam name="TPending">The queued write.</typeparam>
internal sealed class GroupCommit<TPending>
    where TPending : class, IPendingWrite
{
    private readonly Channel<TPending> _pending;
    private readonly Func<IReadOnlyList<TPending>, Task> _write;
    private readonly int _maxBatchSize;
    private readonly ILogger _logger;
    private readonly string _what;
    private readonly Task[] _loops;

    /// <param name="write">Writes a batch in one transaction (throws when it rolled back).</param>
    /// <param name="maxBatchSize">Most writes in one transaction.</param>
    /// <param name="writers">Concurrent writer loops; one keeps batches in enqueue order.</param>
    /// <param name="logger">Where a failed batch is reported.</param>
    /// <param name="what">What the writes are, for that report ("appends", "state writes").</param>
    public GroupCommit(Func<IReadOnlyList<TPending>, Task> write, int maxBatchSize, int writers, ILogger logger, string what)
    {
        _write = write;
        _maxBatchSize = Math.Max(1, maxBatchSize);
        _logger = logger;
        _what = what;
        _pending = Channel.CreateUnbounded<TPending>(new UnboundedChannelOptions { SingleReader = writers == 1 });
        _loops = [.. Enumerable.Range(0, Math.Max(1, writers)).Select(_ => Task.Run(WriteLoopAsync))];
    }

    /// <summary>Queues a write; false once <see cref="CompleteAsync"/> began.</summary>
    public bool TryEnqueue(TPending pending) => _pending.Writer.TryWrite(pending);

    /// <summary>Stops taking writes and waits until every queued one is committed or failed.</summary>
    public Task CompleteAsync()
    {
        _pending.Writer.TryComplete();
        return Task.WhenAll(_loops);
    }

    private async Task WriteLoopAsync()
    {
        var reader = _pending.Reader;
        var batch = new List<TPending>(_maxBatchSize);
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _maxBatchSize && reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch);
            }
        }
    }

    private async Task CommitAsync(List<TPending> batch)
    {
        try
        {
            await _write(batch);
            batch.ForEach(p => p.Complete());
            return;
        }
        catch (Exception error) when (batch.Count == 1)
        {
            batch[0].Fail(error);
            return;
        }
        catch (Exception error)
        {
            _logger.LogWarning(error, "A batch of {Count} {What} failed; retrying them one by one.", batch.Count, _what);
        }

        foreach (var pending in batch)
        {
            pending.Reset();
            try
            {
                await _write([pending]);
                pending.Complete();
            }
            catch (Exception error)
            {
                pending.Fail(error);
            }
        }
    }
}
