namespace Conversations.Storage.State;

/// <summary>Applies one batch of state writes in one transaction, in order, each with its own version check,
/// and returns only once the transaction committed; it throws when it did not.</summary>
internal interface IStateBatchWriter : IAsyncDisposable
{
    Task WriteAsync(IReadOnlyList<PendingStateWrite> batch, CancellationToken cancellationToken);
}
