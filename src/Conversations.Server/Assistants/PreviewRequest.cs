namespace Conversations.Server.Assistants;

/// <summary>A customer message to try against an assistant's draft.</summary>
public sealed record PreviewRequest(string? Text, string? Language);
