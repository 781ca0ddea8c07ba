namespace Conversations.Server.Hubs;

/// <summary>Marks a hub method that can run again with the same arguments without doing anything twice
/// (its write carries the client's message id, which the conversation stores once), so the edge may retry
/// it by itself when a node of the cluster goes away during the call.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class IdempotentAttribute : Attribute;
