using Conversations.Storage.Uploads;
using Conversations.Storage.Tests.Support;

namespace Conversations.Storage.Tests.Uploads;

public abstract class UploadStoreTests : StorageSuite
{
    [ProviderFact]
    public async Task Save_ThenGet_ReturnsBytesAndOwners()
    {
        await using var db = await NewDatabaseAsync();
        var store = new SqlUploadStore(db.Database);
        var createdAt = new DateTimeOffset(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);
        var upload = new StoredUpload("0123456789abcdef0123456789abcdef", "w1", "image/png", "a.png", "contact-1", null, new byte[] { 0x89, 0x50, 0x4E, 0x47, 0, 255 }, createdAt);

        await store.SaveAsync(upload);
        var read = await store.GetAsync(upload.Id);

        Assert.NotNull(read);
        Assert.Equal(upload.Bytes.ToArray(), read.Bytes.ToArray());
        Assert.Equal(upload with { Bytes = read.Bytes }, read);
        Assert.Null(await store.GetAsync("ffffffffffffffffffffffffffffffff"));
    }
}
