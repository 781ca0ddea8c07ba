namespace Conversations.Storage.Messages;

/// <summary>An append named a seq that its conversation already holds for another message: a grain bug
/// or two writers of one conversation, never an idempotent retry.</summary>
public sealed class SeqConflictException : Exception
{
    public SeqConflictException()
    {
    }

    public SeqConflictException(string message)
        : base(message)
    {
    }

    public SeqConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static SeqConflictException For(string conversationId, long seq) =>
        new($"Seq {seq} of conversation '{conversationId}' is already stored for another message.");
}
