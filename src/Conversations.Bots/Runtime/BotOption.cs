namespace Conversations.Bots.Runtime;

/// <summary>An option as a client shows it.</summary>
public sealed record BotOption(string Id, string Label);
