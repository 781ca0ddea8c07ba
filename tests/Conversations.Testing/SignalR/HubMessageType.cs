namespace Conversations.Testing.SignalR;

/// <summary>The <c>type</c> field of a SignalR hub-protocol message.</summary>
internal enum HubMessageType
{
    Invocation = 1,
    StreamItem = 2,
    Completion = 3,
    StreamInvocation = 4,
    CancelInvocation = 5,
    Ping = 6,
    Close = 7,
}
