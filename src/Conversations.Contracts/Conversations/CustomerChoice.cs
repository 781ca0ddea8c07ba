namespace Conversations.Contracts;

/// <summary>A customer picks an option of the assistant's last choice message.</summary>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.CustomerChoice")]
public sealed record CustomerChoice(string ContactId, string ClientMessageId, string OptionId);
