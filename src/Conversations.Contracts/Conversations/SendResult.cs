namespace Conversations.Contracts;

/// <summary>A stored message and whether it had been stored before (same client or external id).</summary>
public sealed record SendResult(Message Message, bool Duplicate);
