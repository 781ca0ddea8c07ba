namespace Conversations.Benchmarks.E2e;

/// <summary>What the load generator reads of a <c>message</c> event, on the server and on the relay
/// alike: the client message id it stamped, nothing it would not measure.</summary>
public sealed record DeliveredMessage(string? ClientMessageId);
