namespace Conversations.Server.Uploads;

/// <summary>The answer of <c>POST /api/uploads</c>, shaped like a message's attachment.</summary>
public sealed record UploadResponse(string Id, string Url, string ContentType, string Name);
