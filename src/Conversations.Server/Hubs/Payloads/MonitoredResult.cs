namespace Conversations.Server.Hubs.Payloads;

/// <summary>What <c>createMonitored</c> returns.</summary>
public sealed record MonitoredResult(string ConversationId, string Link);
