using System.Xml.Linq;
using Conversations.Storage.Sql;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Conversations.Server.Security;

/// <summary>The Data Protection key ring in <c>data_protection_keys</c>, so every node over one database
/// protects and unprotects with the same keys: a visitor token or an auth cookie issued by one node is
/// valid on all. Keys are only ever added (Data Protection revokes by adding an element, never by deleting).</summary>
public sealed class SqlXmlRepository(SqlDatabase database, TimeProvider clock) : IXmlRepository
{
    // IXmlRepository is synchronous; Data Protection calls it when the key ring is (re)loaded, about once a day
    // and at start, never per request, so blocking on the pooled open here costs nothing that matters.
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        return [.. connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY created_at, name").Select(xml => XElement.Parse(xml))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);

        // Data Protection names keys "key-<guid>"; a name it stores twice keeps its first element.
        using var writeTurn = database.EnterWriteAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        using var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        connection.Execute(
            "INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@Name, @Xml, @CreatedAt) ON CONFLICT (name) DO NOTHING",
            new
            {
                Name = string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName,
                Xml = element.ToString(SaveOptions.DisableFormatting),
                CreatedAt = database.Time(clock.GetUtcNow()),
            });
    }
}
