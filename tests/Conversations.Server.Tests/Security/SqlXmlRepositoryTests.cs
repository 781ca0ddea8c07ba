using System.Xml.Linq;
using Conversations.Server.Security;
using Conversations.Server.Tests.Cluster;
using Conversations.Storage;
using Conversations.Storage.Migrations;
using Conversations.Storage.Sql;
using Conversations.Testing.Cluster;
using Microsoft.Data.Sqlite;

namespace Conversations.Server.Tests.Security;

public sealed class SqlXmlRepositoryTests
{
    [Fact]
    public async Task StoreElement_OnSqlite_IsReadBackByAnotherRepositoryOnceAndInOrder()
    {
        var file = Path.Combine(Path.GetTempPath(), "conversations-tests", $"{Guid.NewGuid():N}.db");
        try
        {
            await AssertRoundTripAsync(new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={file}" });
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }
    }

    [PostgresFact]
    public async Task StoreElement_OnPostgres_IsReadBackByAnotherRepositoryOnceAndInOrder()
    {
        await using var database = await TestPostgres.CreateAsync();
        await AssertRoundTripAsync(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = database.ConnectionString });
    }

    private static async Task AssertRoundTripAsync(StorageOptions options)
    {
        await using var writer = SqlDatabase.Create(options);
        await using var reader = SqlDatabase.Create(options);
        await new StorageMigrator(writer).MigrateAsync();
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var repository = new SqlXmlRepository(writer, clock);

        repository.StoreElement(new XElement("key", new XAttribute("id", "a"), "first"), "key-a");
        clock.Now = clock.Now.AddSeconds(1);
        repository.StoreElement(new XElement("key", new XAttribute("id", "b")), "key-b");
        repository.StoreElement(new XElement("key", new XAttribute("id", "a2")), "key-a");

        var elements = new SqlXmlRepository(reader, TimeProvider.System).GetAllElements();
        Assert.Equal(["a", "b"], elements.Select(e => (string)e.Attribute("id")!));
        Assert.Equal("first", elements.First().Value);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
