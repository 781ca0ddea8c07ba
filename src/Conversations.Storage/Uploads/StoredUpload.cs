namespace Conversations.Storage.Uploads;

/// <summary>An uploaded image as stored in the <c>uploads</c> table.</summary>
/// <param name="Id">Unguessable id (128 random bits), also the URL segment.</param>
/// <param name="WorkspaceId">The tenant it belongs to.</param>
/// <param name="ContentType">The type sniffed from the bytes, never the client's claim.</param>
/// <param name="Name">The sanitized file name.</param>
/// <param name="ContactId">The uploading visitor, when a visitor uploaded it.</param>
/// <param name="AgentId">The uploading agent, when an agent uploaded it.</param>
/// <param name="Bytes">The content.</param>
/// <param name="CreatedAt">When it was stored.</param>
/// <param name="SiteId">The site a visitor uploaded it on (agents' uploads have none).</param>
public sealed record StoredUpload(
    string Id,
    string WorkspaceId,
    string ContentType,
    string Name,
    string? ContactId,
    string? AgentId,
    ReadOnlyMemory<byte> Bytes,
    DateTimeOffset CreatedAt,
    string? SiteId = null);
