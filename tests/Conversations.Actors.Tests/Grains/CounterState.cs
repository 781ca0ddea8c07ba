namespace Conversations.Actors.Tests.Grains;

public sealed class CounterState
{
    /// <summary>The persisted count.</summary>
    public int Count { get; set; }
}
