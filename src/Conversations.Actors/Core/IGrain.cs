namespace Conversations.Actors;

/// <summary>Marker for grain interfaces. Every method returns <see cref="Task"/>, <see cref="Task{T}"/>,
/// <see cref="ValueTask"/> or <see cref="ValueTask{T}"/>.</summary>
public interface IGrain;
