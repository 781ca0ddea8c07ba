using Conversations.Contracts;

namespace Conversations.Grains.Persistence;

/// <summary>A message to append. The conversation grain, the single writer of its conversation,
/// assigns <see cref="Contracts.Message.Seq"/>.</summary>
/// <param name="Message">The message, seq assigned.</param>
/// <param name="ChannelId">The channel it came from (for external-id idempotency).</param>
/// <param name="ExternalId">The channel provider's message id, unique per channel.</param>
public sealed record MessageAppend(Message Message, string? ChannelId = null, string? ExternalId = null);
