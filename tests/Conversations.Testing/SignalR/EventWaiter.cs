using System.Text.Json;

namespace Conversations.Testing.SignalR;

/// <summary>A <see cref="HubClient.WaitForAsync{T}"/> call waiting for a matching event.</summary>
/// <param name="target">The event name.</param>
/// <param name="tryComplete">True when the waiter is done (matched, or failed to read the event) and can be dropped.</param>
/// <param name="fail">Ends the wait with an error (the connection closed).</param>
internal sealed class EventWaiter(string target, Func<JsonElement, bool> tryComplete, Action<Exception> fail)
{
    public string Target { get; } = target;

    public bool TryComplete(JsonElement argument) => tryComplete(argument);

    public void Fail(Exception error) => fail(error);
}
