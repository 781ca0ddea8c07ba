namespace Conversations.Server.Admin;

/// <summary>The body of <c>PUT /api/agents/{id}/licence</c>.</summary>
public sealed record LicenceRequest(bool? Licensed);
