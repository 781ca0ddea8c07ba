using Conversations.Contracts;

namespace Conversations.Server.Hubs.Payloads;

/// <summary>Who is typing; no id, so a widget learns nothing about agents beyond their name.</summary>
public sealed record TypingAuthor(AuthorKind Kind, string Name);
