using System.Text.Json;

namespace Conversations.Testing.SignalR;

internal sealed class EventWaiter<T>(string target, Func<T, bool>? predicate)
    : TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously), IEventWaiter
{
    public string Target { get; } = target;

    public bool TryComplete(JsonElement argument, JsonSerializerOptions options)
    {
        try
        {
            var value = HubJson.Read<T>(argument, options)!;
            return (predicate is null || predicate(value)) && TrySetResult(value);
        }
        catch (Exception e)
        {
            // A predicate or shape error is the test's failure to report, not the connection's.
            return TrySetException(e);
        }
    }

    public void Fail(Exception error) => TrySetException(error);
}
