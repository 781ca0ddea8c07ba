namespace Conversations.Actors;

/// <summary>A turn the runtime itself runs on an activation: activation, deactivation, a timer tick.
/// It is scheduled like a request (so it never overlaps one) but has no caller.</summary>
internal sealed class InternalTurn(string description, Func<Task> body, Action<ActivationData, Exception?> onFinished, long createdAt)
    : GrainRequest(parent: null, createdAt)
{
    private Exception? _exception;

    public override bool IsAlwaysInterleave => false;

    public override bool IsReadOnly => false;

    public override bool IsInternal => true;

    public override string Describe() => description;

    protected override Task? Invoke(object? grain)
    {
        var task = body();
        return task.IsCompletedSuccessfully ? null : task;
    }

    protected override void RecordResult(Task completedTask)
    {
    }

    protected override void RecordException(Exception exception) => _exception = exception;

    protected override void OnFinished(ActivationData activation)
    {
        if (TryMarkCompleted())
        {
            onFinished(activation, _exception);
        }
    }

    protected override void SetCallerException(Exception exception) => _exception = exception;
}
