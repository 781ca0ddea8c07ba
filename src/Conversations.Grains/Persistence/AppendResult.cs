using Conversations.Contracts;

namespace Conversations.Grains.Persistence;

/// <summary>The outcome of an append: the stored message, which is the earlier one when the append
/// was a duplicate (same client message id in the conversation, or same external id on the channel).</summary>
public sealed record AppendResult(Message Message, bool Duplicate);
