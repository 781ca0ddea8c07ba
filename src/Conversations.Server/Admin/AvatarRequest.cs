namespace Conversations.Server.Admin;

/// <summary>An agent's new picture: an upload id, or null to remove it.</summary>
public sealed record AvatarRequest(string? UploadId);
