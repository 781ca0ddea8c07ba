namespace Conversations.Actors;

/// <summary>An in-memory timer owned by an activation. Its callback runs as a turn of that activation,
/// never overlapping itself: the next tick is counted from the end of the previous callback.
/// Disposed with the activation.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Reschedules the timer.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
