namespace Conversations.Server.Connectors;

/// <summary>The message's status after a status callback, which is the earlier one when the callback would move it backwards.</summary>
public sealed record StatusResponse(string MessageId, string Status);
