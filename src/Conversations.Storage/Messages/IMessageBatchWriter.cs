namespace Conversations.Storage.Messages;

/// <summary>Writes one batch of appends in one transaction. It decides each append (stored, duplicate of an
/// earlier row, or refused) and returns only once the transaction committed; it throws when it did not.</summary>
internal interface IMessageBatchWriter : IAsyncDisposable
{
    Task WriteAsync(IReadOnlyList<PendingAppend> batch, CancellationToken cancellationToken);
}
