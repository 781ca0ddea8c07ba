using Conversations.Contracts;

namespace Conversations.Server.Hubs;

/// <summary>Finds an uploaded file by id for <c>send</c> and <c>reply</c>; implemented by the uploads
/// feature. Without one registered, messages with an <c>attachmentId</c> are refused.</summary>
public interface IAttachmentResolver
{
    /// <summary>The attachment, or null when the workspace has no upload with that id.</summary>
    Task<Attachment?> FindAsync(string workspaceId, string attachmentId, CancellationToken cancellationToken);
}
