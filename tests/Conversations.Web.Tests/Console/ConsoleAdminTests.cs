using System.Text.Json;
using Conversations.Web.Tests.Hosting;
using Microsoft.Playwright;
using static Conversations.Web.Tests.Console.ConsoleSession;

namespace Conversations.Web.Tests.Console;

[Collection(BrowserCollection.Name)]
public sealed class ConsoleAdminTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task Floor_WaitingCustomer_IsListedAndCanBeAssigned()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        using var admin = await ApiAsync(fixture, "admin@demo.test");
        var siteId = await CreateSiteAsync(admin, "floor");
        var (agentContext, agentPage) = await SignInAsync(fixture, "agent1@demo.test", online: true);
        await using var agentContextLifetime = agentContext;
        var (context, page) = await SignInAsync(fixture, "admin@demo.test");
        await using var contextLifetime = context;
        var (widget, conversationId) = await CustomerAsync(fixture, siteId, "Floor", "Bonjour");
        await using var widgetLifetime = widget;

        await page.GotoAsync("/console/#/floor");
        var row = page.Locator($".floor tr[data-conversation='{conversationId}']");
        await Assertions.Expect(row).ToContainTextAsync("Floor");
        await row.Locator("select").SelectOptionAsync("agent1");

        await widget.WaitForAsync<JsonElement>("state", s => s.GetProperty("status").GetString() == "live" && s.GetProperty("agent").GetProperty("id").GetString() == "agent1");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await SetStatusAsync(agentPage, "offline");
    }
}
