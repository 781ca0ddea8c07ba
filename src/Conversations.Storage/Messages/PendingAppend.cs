using Conversations.Grains.Persistence;
using Conversations.Storage.Sql;
namespace Conversations.Storage.Messages;

/// <summary>An append waiting for its group commit. A batch writer sets <see cref="Result"/> or <see cref="Error"/>
/// inside the transaction; the log completes the task only after the commit succeeded.</summary>
internal sealed class PendingAppend(MessageAppend append) : IPendingWrite
{
    private readonly TaskCompletionSource<AppendResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public MessageAppend Append { get; } = append;

    public AppendResult? Result { get; set; }

    public Exception? Error { get; set; }

    public Task<AppendResult> Task => _completion.Task;

    /// <summary>Forgets what an aborted transaction decided, before a retry.</summary>
    public void Reset()
    {
        Result = null;
        Error = null;
    }

    /// <summary>Completes the append with what the committed transaction decided.</summary>
    public void Complete()
    {
        if (Result is { } result)
        {
            _completion.TrySetResult(result);
        }
        else
        {
            _completion.TrySetException(Error ?? new InvalidOperationException("The batch writer left an append undecided."));
        }
    }

    public void Fail(Exception error) => _completion.TrySetException(error);
}
