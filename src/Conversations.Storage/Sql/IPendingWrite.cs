namespace Conversations.Storage.Sql;

/// <summary>One write waiting for a group commit: its caller's task completes only after the commit.</summary>
internal interface IPendingWrite
{
    /// <summary>Forgets what a failed batch attempt recorded, before the write is retried alone.</summary>
    void Reset();

    /// <summary>Acknowledges the write; called after COMMIT.</summary>
    void Complete();

    /// <summary>Fails the write alone.</summary>
    void Fail(Exception error);
}
