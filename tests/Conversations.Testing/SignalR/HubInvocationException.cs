namespace Conversations.Testing.SignalR;

/// <summary>The hub method failed; <see cref="Exception.Message"/> is the error the server sent
/// (a <c>HubException</c>'s message, or the generic text SignalR sends for other exceptions).</summary>
public sealed class HubInvocationException : Exception
{
    public HubInvocationException(string method, string message, Exception? innerException = null)
        : base(message, innerException) => Method = method;

    /// <summary>The hub method that failed.</summary>
    public string Method { get; }
}
