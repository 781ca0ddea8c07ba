using Conversations.Storage.Sql;

namespace Conversations.Storage.State;

/// <summary>A grain-state write waiting for its group commit. A batch writer records the outcome inside the
/// transaction; the storage completes the task only after that transaction committed.</summary>
internal sealed class PendingStateWrite(string stateName, StoredGrainId grainId, long expected, byte[] payload, DateTimeOffset updatedAt) : IPendingWrite
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string StateName { get; } = stateName;

    public StoredGrainId GrainId { get; } = grainId;

    /// <summary>The version the caller read; 0 means "no record".</summary>
    public long Expected { get; } = expected;

    public byte[] Payload { get; } = payload;

    public DateTimeOffset UpdatedAt { get; } = updatedAt;

    public StateWriteOutcome Outcome { get; private set; }

    /// <summary>What storage held when the version check failed, for the exception's message.</summary>
    public long? StoredVersion { get; private set; }

    public Task Task => _completion.Task;

    public void Written() => Outcome = StateWriteOutcome.Written;

    public void Mismatched(long? storedVersion)
    {
        Outcome = StateWriteOutcome.Mismatch;
        StoredVersion = storedVersion;
    }

    /// <summary>Forgets what an aborted transaction decided, before a retry.</summary>
    public void Reset()
    {
        Outcome = StateWriteOutcome.Undecided;
        StoredVersion = null;
    }

    /// <summary>Completes the write with what the committed transaction decided.</summary>
    public void Complete()
    {
        switch (Outcome)
        {
            case StateWriteOutcome.Written:
                _completion.TrySetResult();
                break;
            case StateWriteOutcome.Mismatch:
                _completion.TrySetException(SqlGrainStorage.Mismatch(StateName, GrainId, Expected, StoredVersion));
                break;
            default:
                _completion.TrySetException(new InvalidOperationException("The batch writer left a state write undecided."));
                break;
        }
    }

    public void Fail(Exception error) => _completion.TrySetException(error);
}
