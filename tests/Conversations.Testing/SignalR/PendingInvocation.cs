using System.Text.Json;

namespace Conversations.Testing.SignalR;

/// <summary>Completes the caller's task with the deserialized result; continuations run off the receive
/// loop so a caller that awaits another invocation cannot stall it.</summary>
internal sealed class PendingInvocation<T>(string method) : TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously), IPendingInvocation
{
    public string Method { get; } = method;

    public void Complete(JsonElement result, JsonSerializerOptions options)
    {
        if (typeof(T) == typeof(NoResult))
        {
            TrySetResult(default!);
            return;
        }

        try
        {
            TrySetResult(HubJson.Read<T>(result, options)!);
        }
        catch (JsonException e)
        {
            TrySetException(e);
        }
    }

    public void Fail(Exception error) => TrySetException(error);
}
