namespace Conversations.Testing.SignalR;

/// <summary>The connection closed before an invocation completed, or an operation needed an open connection.</summary>
public sealed class HubConnectionClosedException : Exception
{
    public HubConnectionClosedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
