using Conversations.Storage.Sql;
using Dapper;

namespace Conversations.Storage.Uploads;

/// <summary>Uploads kept as bytes in the database, so they share its backups and its replicas with the
/// messages that refer to them; images are capped at a few megabytes, which both databases store well.</summary>
public sealed class SqlUploadStore(SqlDatabase database) : IUploadStore
{
    private const string InsertSql =
        """
        INSERT INTO uploads (id, workspace_id, content_type, name, size, bytes, path, created_at, contact_id, agent_id, site_id)
        VALUES (@Id, @WorkspaceId, @ContentType, @Name, @Size, @Bytes, NULL, @CreatedAt, @ContactId, @AgentId, @SiteId)
        """;

    /// <inheritdoc/>
    public async Task SaveAsync(StoredUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            InsertSql,
            new
            {
                upload.Id,
                upload.WorkspaceId,
                upload.ContentType,
                upload.Name,
                Size = (long)upload.Bytes.Length,
                Bytes = upload.Bytes.ToArray(),
                CreatedAt = database.Time(DbTime.Truncate(upload.CreatedAt)),
                upload.ContactId,
                upload.AgentId,
                upload.SiteId,
            },
            cancellationToken: cancellationToken));
    }

    /// <inheritdoc/>
    public async Task<StoredUpload?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            "SELECT id, workspace_id, content_type, name, contact_id, agent_id, bytes, created_at, site_id FROM uploads WHERE id = @id",
            new { id },
            cancellationToken: cancellationToken));
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredUpload(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            reader.IsDBNull(6) ? ReadOnlyMemory<byte>.Empty : (byte[])reader.GetValue(6),
            DbTime.Read(reader.GetValue(7)),
            reader.IsDBNull(8) ? null : reader.GetString(8));
    }
}
