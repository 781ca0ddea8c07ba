using System.Text.Json.Serialization;

namespace Conversations.Contracts;

/// <summary>A change published by a grain. Every event names its workspace; the derived records carry the
/// site, conversation, contact and agent ids the edge needs to pick SignalR groups.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(MessageAdded), "message")]
[JsonDerivedType(typeof(ConversationStateChanged), "state")]
[JsonDerivedType(typeof(ConversationSummaryChanged), "conversation")]
[JsonDerivedType(typeof(QueuePositionChanged), "queue")]
[JsonDerivedType(typeof(QueueCountersChanged), "queueCounters")]
[JsonDerivedType(typeof(AgentLoadChanged), "agentLoad")]
[JsonDerivedType(typeof(TypingChanged), "typing")]
[JsonDerivedType(typeof(AgentPresenceChanged), "presence")]
[JsonDerivedType(typeof(ContactPresenceChanged), "contactPresence")]
[JsonDerivedType(typeof(NotificationRaised), "notification")]
[JsonDerivedType(typeof(HelpOffered), "helpOffered")]
[JsonDerivedType(typeof(ReadUpTo), "read")]
[GenerateSerializer]
[Immutable]
[Alias("Conversations.ConversationEvent")]
public abstract record ConversationEvent(string WorkspaceId);
