using System.Text.Json;

namespace Conversations.Testing.SignalR;

/// <summary>A <see cref="HubClient.WaitForAsync{T}"/> call waiting for a matching event.</summary>
internal interface IEventWaiter
{
    string Target { get; }

    /// <summary>True when the waiter is done (matched, or failed to read the event) and can be dropped.</summary>
    bool TryComplete(JsonElement argument, JsonSerializerOptions options);

    void Fail(Exception error);
}
