using System.Diagnostics;
using System.Globalization;
using Conversations.Contracts;
using Conversations.Grains.Persistence;
using Conversations.Server.Seed;
using Conversations.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Conversations.Web.Tests.Console.ConsoleSession;

namespace Conversations.Web.Tests.Console;

/// <summary>The Livechat list with thousands of conversations, on a server of its own: the rows are seeded
/// straight into the conversation index (what the list's keyset pages read), then the console scrolls to
/// the end page by page and a real conversation arriving live still merges in at the top.</summary>
[Collection(BulkListCollection.Name)]
public sealed class ConsoleBulkListTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const int Seeded = 5_000;

    [SkippableFact]
    public async Task List_FiveThousandConversations_ScrollsToTheEndByPagesAndStillMergesLiveUpdates()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var seeding = Stopwatch.StartNew();
        await SeedAsync();
        output.WriteLine($"seeded {Seeded} conversations into the index in {seeding.ElapsedMilliseconds} ms");
        var (context, page) = await SignInAsync(fixture, "admin@demo.test");
        await using var _ = context;
        var pages = 0;
        page.Request += (_, request) => pages += request.Url.Contains("/api/conversations?", StringComparison.Ordinal) ? 1 : 0;
        var list = page.Locator(".vlist");

        var firstRender = Stopwatch.StartNew();
        await page.GotoAsync("/console/#/livechat");
        await Assertions.Expect(page.Locator(".row[data-id='bulk-00000']")).ToBeVisibleAsync();
        var firstRenderMs = firstRender.ElapsedMilliseconds;

        var scrolling = Stopwatch.StartNew();
        var oldest = page.Locator($".row[data-id='bulk-{Seeded - 1:D5}']");
        while (true)
        {
            var before = await list.GetAttributeAsync("data-count");
            await list.EvaluateAsync("el => { el.scrollTop = el.scrollHeight; el.dispatchEvent(new Event('scroll')); }");
            if (await oldest.CountAsync() > 0)
            {
                break;
            }

            await Assertions.Expect(list).Not.ToHaveAttributeAsync("data-count", before!, new() { Timeout = 15_000 });
        }

        await Assertions.Expect(oldest).ToBeVisibleAsync();
        var scrollMs = scrolling.ElapsedMilliseconds;
        var rowsInPage = await page.Locator(".vlist .row").CountAsync();
        output.WriteLine($"first render {firstRenderMs} ms; scrolled to row {Seeded} in {scrollMs} ms over {pages} list requests; {rowsInPage} rows in the DOM");

        // A customer asks for an agent while the list holds every row: it merges in at the top, live.
        await list.EvaluateAsync("el => { el.scrollTop = 0; el.dispatchEvent(new Event('scroll')); }");
        var (widget, conversationId) = await CustomerAsync(fixture, DemoSeed.SiteId, "Latecomer", "Hello among thousands");
        await using var widgetLifetime = widget;
        await Assertions.Expect(Row(page, conversationId)).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, conversationId)).ToHaveCSSAsync("top", "0px");
        await ScreenshotAsync(fixture, page, "list-5000-en");

        Assert.InRange(rowsInPage, 1, 100);
        Assert.True(int.Parse((await list.GetAttributeAsync("data-count"))!, CultureInfo.InvariantCulture) > Seeded);
    }

    // Newest first, as the list sorts: bulk-00000 is the most recent, bulk-04999 the oldest.
    private async Task SeedAsync()
    {
        var index = fixture.Server.Services.GetRequiredService<IConversationIndex>();
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        for (var i = 0; i < Seeded; i++)
        {
            var at = now.AddSeconds(-i);
            await index.UpsertAsync(new ConversationIndexEntry(
                $"bulk-{i:D5}", DemoSeed.WorkspaceId, DemoSeed.SiteId, "widget", ConversationStatus.Live, "agent2", "Agent 2",
                $"bulk-contact-{i:D5}", $"Bulk customer {i}", $"Message {i}", AuthorKind.Customer, at, Unanswered: false,
                WaitingSince: null, MonitoringMode.None, new Dictionary<string, int>(), at, at));
        }

        // The index writes behind; wait until the oldest row is readable.
        using var api = await ApiAsync(fixture, "admin@demo.test");
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var ready = await api.GetStringAsync($"/api/conversations?view=live&q=Bulk%20customer%20{Seeded - 1}&limit=5");
            if (ready.Contains($"bulk-{Seeded - 1:D5}", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The seeded index rows never became readable.");
    }
}
