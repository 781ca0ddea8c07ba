namespace Conversations.Server.Admin;

/// <summary>The outcome of one test POST to a channel's webhook; <c>error</c> says why it failed.</summary>
public sealed record TestDeliveryResponse(string DeliveryId, bool Delivered, string? Error);
