using Conversations.Contracts;
using Conversations.Grains.Persistence;
using Conversations.Storage.Messages;
using Conversations.Storage.Sql;
using Conversations.Storage.Tests.Support;
using Dapper;

namespace Conversations.Storage.Tests.Messages;

public abstract class MessageLogTests : StorageSuite
{
    [ProviderFact]
    public async Task AppendAsync_ThenRead_RoundTripsEveryField()
    {
        await using var db = await NewDatabaseAsync();
        await using var log = new SqlMessageLog(db.Database, db.Options);
        var message = TestMessages.Append("c1", 1, "cm-1").Message with
        {
            Kind = MessageKind.Choice,
            Author = new MessageAuthor(AuthorKind.Bot, null, "Bot"),
            Attachment = new Attachment("u1", "/uploads/u1", "image/png", "a.png"),
            Options = [new ChoiceOption("o1", "Yes"), new ChoiceOption("o2", "No")],
            CreatedAt = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1234567),
        };

        var result = await log.AppendAsync(new MessageAppend(message));
        var read = Assert.Single(await log.ReadAsync("c1", null, 10));

        Assert.False(result.Duplicate);
        Assert.Equal(result.Message.CreatedAt, read.CreatedAt);
        Assert.Equal((message.Id, message.Kind, message.Author, message.Attachment, message.ClientMessageId), (read.Id, read.Kind, read.Author, read.Attachment, read.ClientMessageId));
        Assert.Equal(message.Options, read.Options!);
    }

    [ProviderFact]
    public async Task ReadAsync_BeforeSeqAndLimit_PagesBackwardsInAscendingOrder()
    {
        await using var db = await NewDatabaseAsync();
        await using var log = new SqlMessageLog(db.Database, db.Options);
        await Task.WhenAll(Enumerable.Range(1, 10).Select(i => log.AppendAsync(TestMessages.Append("c1", i))));

        var latest = await log.ReadAsync("c1", null, 3);
        var before = await log.ReadAsync("c1", 8, 3);

        Assert.Equal([8L, 9, 10], latest.Select(m => m.Seq));
        Assert.Equal([5L, 6, 7], before.Select(m => m.Seq));
        Assert.Equal(10, await log.GetLastSeqAsync("c1"));
        Assert.Equal(0, await log.GetLastSeqAsync("none"));
    }

    [ProviderFact]
    public async Task ReadClientMessageIdsAsync_AfterReopen_EachClientIdWithItsSeqInOrder()
    {
        await using var db = await NewDatabaseAsync();
        await using (var first = new SqlMessageLog(db.Database, db.Options))
        {
            await first.AppendAsync(TestMessages.Append("c1", 1, "cm-1"));
            await first.AppendAsync(TestMessages.Append("c1", 2));
            await first.AppendAsync(TestMessages.Append("c1", 3, "cm-3"));
            await first.AppendAsync(TestMessages.Append("c2", 1, "cm-other"));
        }

        await using var reopened = new SqlMessageLog(db.Open(), db.Options);
        var ids = await reopened.ReadClientMessageIdsAsync("c1");

        Assert.Equal([("cm-1", 1L), ("cm-3", 3L)], ids);
        Assert.Empty(await reopened.ReadClientMessageIdsAsync("none"));
    }

    [ProviderFact]
    public async Task AppendAsync_DuplicateExternalIdInOneBatch_StoresOnceAndReturnsFirst()
    {
        await using var db = await NewDatabaseAsync();
        await using var log = new SqlMessageLog(db.Database, db.Options);

        var results = await Task.WhenAll(
            log.AppendAsync(TestMessages.Append("c1", 1, channelId: "wa", externalId: "x1")),
            log.AppendAsync(TestMessages.Append("c2", 1, channelId: "wa", externalId: "x1")));

        Assert.False(results[0].Duplicate);
        Assert.True(results[1].Duplicate);
        Assert.Equal("c1", results[1].Message.ConversationId);
        Assert.Empty(await log.ReadAsync("c2", null, 10));
        Assert.Equal("c1-m1", (await log.FindByExternalIdAsync("wa", "x1"))?.Id);
    }

    [ProviderFact]
    public async Task AppendAsync_ExternalIdAfterReopen_RefusedAsDuplicate()
    {
        await using var db = await NewDatabaseAsync();
        await using (var first = new SqlMessageLog(db.Database, db.Options))
        {
            await first.AppendAsync(TestMessages.Append("c1", 1, "cm-1", "wa", "x1"));
        }

        await using var reopened = new SqlMessageLog(db.Open(), db.Options);
        var byExternal = await reopened.AppendAsync(TestMessages.Append("c9", 1, "other", "wa", "x1"));

        Assert.True(byExternal.Duplicate);
        Assert.Equal("c1-m1", byExternal.Message.Id);
        Assert.Equal(0, await reopened.GetLastSeqAsync("c9"));
    }

    [ProviderFact]
    public async Task AppendAsync_TakenSeqWithOtherClientId_FailsOnlyThatAppend()
    {
        await using var db = await NewDatabaseAsync();
        await using var log = new SqlMessageLog(db.Database, db.Options);
        await log.AppendAsync(TestMessages.Append("c1", 1, "cm-1"));

        var bad = log.AppendAsync(TestMessages.Append("c1", 1, "cm-2"));
        var good = log.AppendAsync(TestMessages.Append("c1", 2, "cm-3"));

        await Assert.ThrowsAsync<SeqConflictException>(() => bad);
        Assert.False((await good).Duplicate);
    }

    [ProviderFact]
    public async Task AppendAsync_InvalidRowInBatch_FailsOnlyThatAppend()
    {
        await using var db = await NewDatabaseAsync();
        await using var log = new SqlMessageLog(db.Database, db.Options);
        var invalid = TestMessages.Append("c1", 1);
        invalid = invalid with { Message = invalid.Message with { Author = new MessageAuthor(AuthorKind.Customer, null, null!) } };

        var results = Enumerable.Range(2, 20).Select(i => log.AppendAsync(TestMessages.Append("c1", i))).Append(log.AppendAsync(invalid)).ToArray();

        await Assert.ThrowsAnyAsync<Exception>(() => results[^1]);
        await Task.WhenAll(results[..^1]);
        Assert.Equal(20, (await log.ReadAsync("c1", null, 100)).Count);
    }

    [ProviderFact]
    public async Task AppendAsync_NulTextInBatchOfOtherConversations_OthersStored()
    {
        await using var db = await NewDatabaseAsync();
        await using var log = new SqlMessageLog(db.Database, db.Options);
        var poisoned = TestMessages.Append("bad", 1);
        poisoned = poisoned with { Message = poisoned.Message with { Text = "a\0b" } };

        // Queued together, so the poisoned row shares a group commit with the others.
        var others = Enumerable.Range(0, 50).Select(i => log.AppendAsync(TestMessages.Append($"c{i}", 1))).ToList();
        var bad = log.AppendAsync(poisoned);
        others.AddRange(Enumerable.Range(50, 50).Select(i => log.AppendAsync(TestMessages.Append($"c{i}", 1))));
        var failure = await Record.ExceptionAsync(() => bad);

        Assert.All(await Task.WhenAll(others), r => Assert.False(r.Duplicate));
        await using var connection = await db.Database.OpenAsync(default);
        Assert.Equal(100, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM messages WHERE conversation_id <> 'bad'"));
        if (Provider == StorageProvider.Postgres)
        {
            // PostgreSQL cannot store U+0000: that append alone fails (the edge refuses it before it gets here).
            Assert.NotNull(failure);
        }
    }

    [ProviderFact]
    public async Task AppendAsync_ThousandConcurrentConversations_AllAckedAndAllStoredOnce()
    {
        await using var db = await NewDatabaseAsync();
        await using var log = new SqlMessageLog(db.Database, db.Options);

        var results = await Task.WhenAll(Enumerable.Range(0, 1_000).Select(i => Task.Run(() => log.AppendAsync(TestMessages.Append($"c{i}", 1, $"cm-{i}", "wa", $"x{i}")))));

        Assert.All(results, r => Assert.False(r.Duplicate));
        await using var connection = await db.Database.OpenAsync(default);
        Assert.Equal(1_000, await connection.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT id) FROM messages"));
        Assert.Equal(1_000, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM messages"));
    }
}
