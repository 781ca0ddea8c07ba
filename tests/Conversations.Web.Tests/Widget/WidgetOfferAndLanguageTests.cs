using System.Text.RegularExpressions;
using Conversations.Web.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Conversations.Web.Tests.Widget;

[Collection(BrowserCollection.Name)]
public sealed class WidgetOfferAndLanguageTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task HelpOffer_Accepted_AgentJoinsAndUnreadBadgeCountsRepliesWhileClosed()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var widget = new WidgetPage(page);
        await page.GotoAsync("/");
        await widget.OpenAsync();
        await Expect(widget.TheirBubbles.First).ToBeVisibleAsync();
        var conversationId = await WidgetConversationTests.ConversationIdAsync(page);
        await using var agent = await AgentConsole.SignInAsync(fixture.Server, "admin@demo.test");
        await agent.SetStatusAsync("online");

        await agent.Hub.InvokeAsync("offerHelp", new { conversationId });
        var offer = page.Locator("conversations-widget .notice.offer");
        await Expect(offer).ToHaveTextAsync(new Regex("Admin offers to help you"));
        await widget.Button("Accept").ClickAsync();
        await Expect(widget.Subtitle).ToHaveTextAsync("Admin is with you");
        await Expect(offer).ToHaveCountAsync(0);

        await widget.Button("Close the chat").First.ClickAsync();
        await agent.ReplyAsync(conversationId, "First reply");
        await agent.ReplyAsync(conversationId, "Second reply");
        await Expect(page.Locator("conversations-widget .launcher .badge")).ToHaveTextAsync("2");
        await Expect(widget.Launcher).ToHaveAttributeAsync("aria-label", "Open the chat (2 unread)");
        await widget.OpenAsync();
        await Expect(page.Locator("conversations-widget .launcher .badge")).ToHaveCountAsync(0);
        await Expect(widget.TheirBubbles.Filter(new() { HasText = "Second reply" })).ToHaveCountAsync(1);
        await agent.CloseAsync(conversationId);
    }

    [SkippableFact]
    public async Task FrenchBrowser_WidgetAndAssistantSpeakFrench()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        await using var context = await fixture.NewContextAsync(locale: "fr-FR");
        var page = await context.NewPageAsync();
        var widget = new WidgetPage(page);
        await page.GotoAsync("/");

        await Expect(widget.Launcher).ToHaveAttributeAsync("aria-label", "Ouvrir la discussion");
        await widget.OpenAsync();
        await Expect(widget.Input).ToHaveAttributeAsync("placeholder", "Écrivez un message…");
        await Expect(widget.Button("Parler à un conseiller")).ToBeVisibleAsync();
        await Expect(widget.TheirBubbles.First).ToHaveTextAsync(new Regex("Bonjour"));
    }
}
