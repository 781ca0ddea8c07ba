namespace Conversations.Actors;

/// <summary>The caller does not wait: the call returns a completed task at once and the grain's
/// result or exception is not reported back (exceptions are logged).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OneWayAttribute : Attribute;
