namespace Conversations.Actors;

/// <summary>Requests to this grain class may interleave: while one request awaits, another may run.
/// Turns still never run in parallel.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;
