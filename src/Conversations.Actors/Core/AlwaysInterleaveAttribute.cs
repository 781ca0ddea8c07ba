namespace Conversations.Actors;

/// <summary>Calls to this grain interface method may interleave with any other request.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;
