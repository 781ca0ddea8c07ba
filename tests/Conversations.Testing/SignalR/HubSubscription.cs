namespace Conversations.Testing.SignalR;

/// <summary>Removes a handler registered with <see cref="HubClient.On{T}"/> once disposed.</summary>
internal sealed class HubSubscription(Action remove) : IDisposable
{
    private Action? _remove = remove;

    public void Dispose() => Interlocked.Exchange(ref _remove, null)?.Invoke();
}
