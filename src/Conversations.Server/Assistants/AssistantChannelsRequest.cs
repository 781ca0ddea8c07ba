namespace Conversations.Server.Assistants;

/// <summary>The body of <c>PUT /api/assistants/{id}/channels</c>: every site and channel the assistant answers
/// on from now on. Each of them leaves its previous assistant; those the assistant answered on and which are
/// not listed get the default response.</summary>
public sealed record AssistantChannelsRequest(IReadOnlyList<string>? Sites, IReadOnlyList<string>? Channels);
