namespace Conversations.Contracts;

/// <summary>A customer picks an option of the assistant's last choice message.</summary>
public sealed record CustomerChoice(string ContactId, string ClientMessageId, string OptionId);
