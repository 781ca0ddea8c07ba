namespace Conversations.Contracts;

/// <summary>A stored message and whether it had been stored before (same client or external id).</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.SendResult")]
public sealed record SendResult(Message Message, bool Duplicate);
