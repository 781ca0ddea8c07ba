namespace Conversations.Storage.State;

/// <summary>What a batch transaction decided for one state write.</summary>
internal enum StateWriteOutcome
{
    Undecided,
    Written,
    Mismatch,
}
