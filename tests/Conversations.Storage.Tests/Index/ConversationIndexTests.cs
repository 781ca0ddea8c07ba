using Conversations.Contracts;
using Conversations.Grains.Persistence;
using Conversations.Storage.Index;
using Conversations.Storage.Tests.Support;

namespace Conversations.Storage.Tests.Index;

public abstract class ConversationIndexTests : StorageSuite
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [ProviderFact]
    public async Task UpsertAsync_ThenGet_RoundTripsAndReplaces()
    {
        await using var db = await NewDatabaseAsync();
        await using var index = new SqlConversationIndex(db.Database);
        var entry = Entry("e1", ConversationStatus.Live, "a1", "s1", "Ada", "hi", 1, new() { ["a1"] = 2, ["a2"] = 1 }) with
        {
            WaitingSince = T0, Monitored = MonitoringMode.Strong, Unanswered = true,
        };

        await index.UpsertAsync(entry);
        await index.UpsertAsync(entry with { UnreadByAgent = new Dictionary<string, int> { ["a1"] = 3 } });
        var read = await index.GetAsync("e1");

        Assert.NotNull(read);
        Assert.Equal(entry with { UnreadByAgent = read.UnreadByAgent }, read);
        Assert.Equal(new Dictionary<string, int> { ["a1"] = 3 }, read.UnreadByAgent);
        Assert.Null(await index.GetAsync("none"));
    }

    [ProviderFact]
    public async Task UpsertAsync_UnreadCountsAcrossCommits_EachCommitLeavesExactlyItsCounts()
    {
        await using var db = await NewDatabaseAsync();
        await using var index = new SqlConversationIndex(db.Database);
        var entry = Entry("u1", ConversationStatus.Live, "a1", "s1", "Ada", "hi", 1, []);
        Dictionary<string, int>[] steps =
        [
            new() { ["a1"] = 2, ["a2"] = 1 },
            new() { ["a1"] = 3, ["a2"] = 0 },
            new() { ["a1"] = 3 },
            new() { ["a2"] = 4 },
            new() { ["a1"] = 0 },
            new() { ["a1"] = 1, ["a2"] = 1, ["a3"] = 2 },
        ];

        foreach (var unread in steps)
        {
            // GetAsync waits for the commit, so every step is its own transaction over the previous one's rows.
            await index.UpsertAsync(entry with { UnreadByAgent = unread });
            var read = await index.GetAsync("u1");
            Assert.Equal(unread.Where(u => u.Value > 0).ToDictionary(), read!.UnreadByAgent);
        }
    }

    [ProviderFact]
    public async Task QueryAsync_Views_SelectStatusesNewestFirst()
    {
        await using var db = await NewDatabaseAsync();
        await using var index = await SeedAsync(db);

        Assert.Equal(["e5", "e2", "e1"], await IdsAsync(index, Query() with { View = ConversationView.Live }));
        Assert.Equal(["e4"], await IdsAsync(index, Query() with { View = ConversationView.Closed }));
        Assert.Equal(["e3"], await IdsAsync(index, Query() with { View = ConversationView.Bot }));
    }

    [ProviderFact]
    public async Task QueryAsync_Filters_RelativeToAgent()
    {
        await using var db = await NewDatabaseAsync();
        await using var index = await SeedAsync(db);

        Assert.Equal(["e2"], await IdsAsync(index, Query() with { Filter = ConversationFilter.Unassigned }));
        Assert.Equal(["e1"], await IdsAsync(index, Query() with { Filter = ConversationFilter.Mine }));
        Assert.Equal(["e5", "e1"], await IdsAsync(index, Query() with { Filter = ConversationFilter.Unread }));
        Assert.Empty(await IdsAsync(index, Query() with { Filter = ConversationFilter.Mine, AgentId = null }));
    }

    [ProviderFact]
    public async Task QueryAsync_SitesAndWorkspace_NeverCrossed()
    {
        await using var db = await NewDatabaseAsync();
        await using var index = await SeedAsync(db);

        Assert.Equal(["e2"], await IdsAsync(index, Query() with { SiteId = "s2" }));
        Assert.Equal(["e5", "e1"], await IdsAsync(index, Query() with { AllowedSiteIds = ["s1"] }));
        Assert.Empty(await IdsAsync(index, Query() with { AllowedSiteIds = [] }));
        Assert.Equal(["e6"], await IdsAsync(index, Query() with { WorkspaceId = "w2" }));
    }

    [ProviderFact]
    public async Task QueryAsync_Search_CaseInsensitiveWithLikeCharactersEscaped()
    {
        await using var db = await NewDatabaseAsync();
        await using var index = await SeedAsync(db);

        Assert.Equal(["e1"], await IdsAsync(index, Query() with { Search = "ADA" }));
        Assert.Equal(["e1"], await IdsAsync(index, Query() with { Search = "REFUND" }));
        Assert.Equal(["e1"], await IdsAsync(index, Query() with { Search = "0%" }));
        Assert.Equal(["e2"], await IdsAsync(index, Query() with { Search = "o_w" }));
        Assert.Equal(["e1"], await IdsAsync(index, Query() with { Search = "%" }));
        Assert.Empty(await IdsAsync(index, Query() with { Search = "1%0" }));
    }

    [ProviderFact]
    public async Task QueryAsync_Cursor_PagesWithoutGapsOrRepeatsAcrossEqualTimes()
    {
        await using var db = await NewDatabaseAsync();
        await using var index = new SqlConversationIndex(db.Database);
        for (var i = 0; i < 25; i++)
        {
            await index.UpsertAsync(Entry($"p{i:D2}", ConversationStatus.Live, null, "s1", "X", null, i / 3, []));
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await index.QueryAsync(Query() with { Filter = ConversationFilter.All, Cursor = cursor, Limit = 10 });
            seen.AddRange(page.Items.Select(e => e.ConversationId));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        var expected = Enumerable.Range(0, 25).Select(i => (Id: $"p{i:D2}", Time: i / 3)).OrderByDescending(e => e.Time).ThenByDescending(e => e.Id, StringComparer.Ordinal).Select(e => e.Id);
        Assert.Equal(expected, seen);
        Assert.Equal(3, pages);
    }

    [ProviderFact]
    public async Task QueryAsync_Limit_ClampedToOneThroughTwoHundred()
    {
        await using var db = await NewDatabaseAsync();
        await using var index = new SqlConversationIndex(db.Database);
        for (var i = 0; i < 205; i++)
        {
            await index.UpsertAsync(Entry($"p{i:D3}", ConversationStatus.Live, null, "s1", "X", null, i, []));
        }

        Assert.Single((await index.QueryAsync(Query() with { Filter = ConversationFilter.All, Limit = 0 })).Items);
        Assert.Equal(200, (await index.QueryAsync(Query() with { Filter = ConversationFilter.All, Limit = 1_000 })).Items.Count);
    }

    [ProviderFact]
    public async Task QueryAsync_ForeignCursor_ThrowsFormatException()
    {
        await using var db = await NewDatabaseAsync();
        await using var index = new SqlConversationIndex(db.Database);

        await Assert.ThrowsAsync<FormatException>(() => index.QueryAsync(Query() with { Cursor = "not a cursor" }));
    }

    [ProviderFact]
    public async Task UpsertAsync_ReturnsBeforeCommit_ReadsThroughTheBarrierSeeEveryEarlierUpsert()
    {
        await using var db = await NewDatabaseAsync();
        await using var index = new SqlConversationIndex(db.Database);
        for (var i = 0; i < 50; i++)
        {
            await index.UpsertAsync(Entry($"r{i:D2}", ConversationStatus.Live, "a1", "s1", "X", $"text {i}", i, new() { ["a1"] = i + 1 }));
        }

        var read = await index.GetAsync("r49");
        var page = await index.QueryAsync(Query() with { Filter = ConversationFilter.Unread, Limit = 200 });

        Assert.Equal(new Dictionary<string, int> { ["a1"] = 50 }, read?.UnreadByAgent);
        Assert.Equal(50, page.Items.Count);
        Assert.Equal("r49", page.Items[0].ConversationId);
    }

    [ProviderFact]
    public async Task UpsertAsync_ManyChangesOfOneConversation_TheLastWins()
    {
        await using var db = await NewDatabaseAsync();
        await using var index = new SqlConversationIndex(db.Database);

        // No await between them: they coalesce in the buffer before the flush.
        var upserts = Enumerable.Range(0, 100)
            .Select(i => index.UpsertAsync(Entry("c1", i % 2 == 0 ? ConversationStatus.Waiting : ConversationStatus.Live, null, "s1", "X", $"text {i}", i, new() { ["a1"] = i })))
            .ToArray();
        await Task.WhenAll(upserts);
        var read = await index.GetAsync("c1");

        Assert.NotNull(read);
        Assert.Equal((ConversationStatus.Live, "text 99"), (read.Status, read.LastMessageText));
        Assert.Equal(new Dictionary<string, int> { ["a1"] = 99 }, read.UnreadByAgent);
    }

    [ProviderFact]
    public async Task DisposeAsync_CommitsPendingUpserts()
    {
        await using var db = await NewDatabaseAsync();
        var index = new SqlConversationIndex(db.Database);
        for (var i = 0; i < 30; i++)
        {
            await index.UpsertAsync(Entry($"d{i:D2}", ConversationStatus.Live, null, "s1", "X", null, i, []));
        }

        await index.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => index.UpsertAsync(Entry("late", ConversationStatus.Live, null, "s1", "X", null, 0, [])));
        await using var reopened = new SqlConversationIndex(db.Open());
        Assert.Equal(30, (await reopened.QueryAsync(Query() with { Limit = 200 })).Items.Count);
    }

    private static ConversationQuery Query() => new("w1", null, "a1", ConversationView.Live, ConversationFilter.All, null, null, null, 50);

    private static async Task<string[]> IdsAsync(SqlConversationIndex index, ConversationQuery query) =>
        [.. (await index.QueryAsync(query)).Items.Select(e => e.ConversationId)];

    private static async Task<SqlConversationIndex> SeedAsync(TestDatabase db)
    {
        await using var index = new SqlConversationIndex(db.Database);
        await index.UpsertAsync(Entry("e1", ConversationStatus.Live, "a1", "s1", "Ada Lovelace", "Need help with a 100% Refund", 1, new() { ["a1"] = 2 }));
        await index.UpsertAsync(Entry("e2", ConversationStatus.Waiting, null, "s2", "Bob", "hello_world", 2, []));
        await index.UpsertAsync(Entry("e3", ConversationStatus.Bot, null, "s1", "Carol", "menu", 3, []));
        await index.UpsertAsync(Entry("e4", ConversationStatus.Closed, "a2", "s1", "Dan", "bye", 4, []));
        await index.UpsertAsync(Entry("e5", ConversationStatus.Live, "a2", "s1", "Eve", "thanks", 5, new() { ["a1"] = 1, ["a2"] = 0 }));
        await index.UpsertAsync(Entry("e6", ConversationStatus.Live, "a1", "s1", "Frank", "other tenant", 6, []) with { WorkspaceId = "w2" });
        return index;
    }

    private static ConversationIndexEntry Entry(
        string id, ConversationStatus status, string? agentId, string siteId, string contactName, string? lastText, int minute, Dictionary<string, int> unread) =>
        new(id, "w1", siteId, "web", status, agentId, agentId is null ? null : $"Agent {agentId}", $"contact-{id}", contactName,
            lastText, lastText is null ? null : AuthorKind.Customer, lastText is null ? null : T0.AddMinutes(minute), false, null, MonitoringMode.None,
            unread, T0, T0.AddMinutes(minute));
}
