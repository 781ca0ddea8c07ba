namespace Conversations.Actors;

/// <summary>An await inside grain code resuming: posted by the request's SynchronizationContext so
/// it runs as a turn of the same activation.</summary>
internal sealed class Continuation(GrainRequest owner, SendOrPostCallback callback, object? state) : IWorkItem
{
    public void Execute(ActivationData activation) => activation.RunContinuation(owner, callback, state);
}
