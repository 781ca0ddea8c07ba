namespace Conversations.Actors;

/// <summary>A persistent state the activation reads before <c>OnActivateAsync</c>.</summary>
internal interface IStateLoader
{
    /// <summary>Reads the state from storage.</summary>
    Task ReadStateAsync(CancellationToken cancellationToken);
}
