namespace Conversations.Storage.Uploads;

/// <summary>Durable storage of uploaded images.</summary>
public interface IUploadStore
{
    /// <summary>Stores an upload; returns once it is committed.</summary>
    Task SaveAsync(StoredUpload upload, CancellationToken cancellationToken = default);

    /// <summary>The upload, or null when the id is unknown.</summary>
    Task<StoredUpload?> GetAsync(string id, CancellationToken cancellationToken = default);
}
