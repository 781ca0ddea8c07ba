namespace Conversations.Actors.Tests.Grains;

/// <summary>A mutable argument, to show callers and grains never share it.</summary>
public sealed class Bag
{
    /// <summary>The items.</summary>
    public List<string> Items { get; set; } = [];
}
