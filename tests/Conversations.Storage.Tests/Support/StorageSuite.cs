using Conversations.Storage.Sql;

namespace Conversations.Storage.Tests.Support;

/// <summary>The base of every provider suite: each test gets a fresh database of the suite's provider.</summary>
public abstract class StorageSuite
{
    protected abstract StorageProvider Provider { get; }

    protected Task<TestDatabase> NewDatabaseAsync() => TestDatabase.CreateAsync(Provider);
}
