namespace Conversations.Storage.Tests.Support;

/// <summary>A small grain state for storage tests.</summary>
public sealed class CounterState
{
    public string Name { get; set; } = "";

    public int Count { get; set; }
}
