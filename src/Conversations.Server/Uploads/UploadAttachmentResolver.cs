using Conversations.Contracts;
using Conversations.Server.Hubs;
using Conversations.Storage.Uploads;

namespace Conversations.Server.Uploads;

/// <summary>Lets <c>send</c> and <c>reply</c> attach an upload of the same workspace, by id.</summary>
public sealed class UploadAttachmentResolver(IUploadStore store) : IAttachmentResolver
{
    public async Task<Attachment?> FindAsync(string workspaceId, string attachmentId, CancellationToken cancellationToken)
    {
        var upload = await store.GetAsync(attachmentId, cancellationToken);
        return upload is not null && upload.WorkspaceId == workspaceId
            ? new Attachment(upload.Id, UploadLinks.PathOf(upload.Id), upload.ContentType, upload.Name)
            : null;
    }
}
