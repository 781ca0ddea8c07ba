using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Web.Tests.Hosting;
using Microsoft.Playwright;
using static Conversations.Web.Tests.Console.ConsoleSession;

namespace Conversations.Web.Tests.Console;

[Collection(BrowserCollection.Name)]
public sealed class ConsoleFlowTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task Agent_HandlesAConversationFromArrivalToReopen_AsTheCustomerSeesIt()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        using var admin = await ApiAsync(fixture, "admin@demo.test");
        var siteId = await CreateSiteAsync(admin, "flow");
        var shortcut = $"dossier{Guid.NewGuid():N}"[..12];
        (await admin.PostAsJsonAsync("/api/snippets", new { shortcut, title = "Dossier", text = "Bonjour {{PRENOM}}, je regarde votre dossier." })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/settings", new { emailNotifications = true })).EnsureSuccessStatusCode();
        var (context1, agent1) = await SignInAsync(fixture, "agent1@demo.test", online: true);
        await using var context1Lifetime = context1;

        // A waiting conversation arrives live, with the badge, the tab title and a notification.
        var (widget, conversationId) = await CustomerAsync(fixture, siteId, "Camille", "J'ai un problème avec ma commande");
        await using var widgetLifetime = widget;
        await Assertions.Expect(Row(agent1, conversationId)).ToContainTextAsync("Camille");
        await Assertions.Expect(agent1.GetByTestId("waiting-badge")).ToBeVisibleAsync();
        await Assertions.Expect(agent1).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex(@"^\(\d+\) Conversations$"));
        await Assertions.Expect(agent1.Locator("[aria-live=polite].sr-only")).ToContainTextAsync("A customer is waiting");

        // Take it and reply; the customer gets the reply.
        await Row(agent1, conversationId).ClickAsync();
        await agent1.GetByRole(AriaRole.Button, new() { Name = "Take", Exact = true }).ClickAsync();
        await Assertions.Expect(agent1.GetByTestId("conversation-status")).ToHaveTextAsync("Livechat");
        await Assertions.Expect(agent1.GetByTestId("assigned-agent")).ToBeVisibleAsync();
        var box = agent1.Locator(".composer textarea");
        await box.FillAsync("Bonjour, je suis là.");
        await box.PressAsync("Enter");
        var greeting = await widget.WaitForAsync<JsonElement>("message", m => Text(m) == "Bonjour, je suis là.");

        // The customer reads it: the console marks the agent's message read, live.
        await widget.InvokeAsync("markRead", new { conversationId, upToSeq = greeting.GetProperty("seq").GetInt64() });
        await Assertions.Expect(agent1.Locator($".msg[data-seq='{greeting.GetProperty("seq").GetInt64()}'] [data-testid=read]")).ToHaveTextAsync("✓ Read");
        await ScreenshotAsync(fixture, agent1, "conversation-en");

        // A note turns the box yellow and never reaches the customer.
        await agent1.GetByRole(AriaRole.Tab, new() { Name = "Leave a note" }).ClickAsync();
        await Assertions.Expect(agent1.Locator(".composer.note")).ToBeVisibleAsync();
        await box.FillAsync("Client fidèle, geste commercial possible");
        await box.PressAsync("Enter");
        await Assertions.Expect(agent1.Locator(".msg.note")).ToContainTextAsync("geste commercial");
        await ScreenshotAsync(fixture, agent1, "note-en");

        // "/" opens the snippets, Enter inserts one with the customer's variables substituted.
        await agent1.GetByRole(AriaRole.Tab, new() { Name = "Reply" }).ClickAsync();
        await box.FillAsync(string.Empty);
        await box.PressSequentiallyAsync($"/{shortcut[..8]}");
        await Assertions.Expect(agent1.Locator(".snippets li.active")).ToContainTextAsync(shortcut);
        await ScreenshotAsync(fixture, agent1, "snippets-en");
        await box.PressAsync("Enter");
        await Assertions.Expect(box).ToHaveValueAsync("Bonjour Camille, je regarde votre dossier.");
        await box.PressAsync("Enter");
        await widget.WaitForAsync<JsonElement>("message", m => Text(m) == "Bonjour Camille, je regarde votre dossier.");

        // An image from the picker reaches the customer as an attachment.
        await agent1.Locator(".composer input[type=file]").SetInputFilesAsync(new FilePayload { Name = "pixel.png", MimeType = "image/png", Buffer = Png });
        await widget.WaitForAsync<JsonElement>("message", m => m.TryGetProperty("attachment", out var a) && a.ValueKind == JsonValueKind.Object);
        await Assertions.Expect(agent1.Locator(".msg img.attachment")).ToBeVisibleAsync();
        var sent = await widget.WaitForAsync<JsonElement>("message", m => m.GetProperty("author").GetProperty("kind").GetString() == "agent");
        Assert.NotEqual("note", sent.GetProperty("kind").GetString());
        await Assert.ThrowsAsync<TimeoutException>(() => widget.WaitForAsync<JsonElement>("message", m => Text(m)?.Contains("geste commercial", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(1)));

        // Transfer to agent2, who is online: agent2's console shows it live under "Mine".
        var (context2, agent2) = await SignInAsync(fixture, "agent2@demo.test", online: true);
        await using var context2Lifetime = context2;
        await agent2.Locator("button[data-filter=mine]").ClickAsync();
        await agent1.GetByRole(AriaRole.Button, new() { Name = "Transfer" }).ClickAsync();
        await agent1.Locator(".modal button[data-agent=agent2]").ClickAsync();
        await Assertions.Expect(Row(agent2, conversationId)).ToBeVisibleAsync();
        await widget.WaitForAsync<JsonElement>("state", s => s.GetProperty("agent").ValueKind == JsonValueKind.Object && s.GetProperty("agent").GetProperty("id").GetString() == "agent2");

        // agent2 closes it (after the undo delay) and reopens it from Closed.
        await Row(agent2, conversationId).ClickAsync();
        await agent2.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();
        await Assertions.Expect(agent2.Locator(".toast")).ToContainTextAsync("Closing in");
        await widget.WaitForAsync<JsonElement>("state", s => s.GetProperty("status").GetString() == "closed", TimeSpan.FromSeconds(15));
        await agent2.GetByRole(AriaRole.Link, new() { Name = "Closed" }).ClickAsync();
        await agent2.Locator("button[data-filter=all]").ClickAsync();
        await Row(agent2, conversationId).ClickAsync();
        await agent2.GetByRole(AriaRole.Button, new() { Name = "Reopen" }).ClickAsync();
        await Assertions.Expect(agent2.GetByTestId("conversation-status")).ToHaveTextAsync("Livechat");
        await widget.WaitForAsync<JsonElement>("state", s => s.GetProperty("status").GetString() == "live" && s.GetProperty("agent").GetProperty("id").GetString() == "agent2");

        // The Outbox lists the handoff mail.
        var (contextAdmin, adminPage) = await SignInAsync(fixture, "admin@demo.test");
        await using var contextAdminLifetime = contextAdmin;
        await adminPage.GotoAsync("/console/#/admin/outbox");
        await Assertions.Expect(adminPage.Locator(".mail[data-kind=handoff]").Filter(new() { HasText = "Camille" }).First).ToBeVisibleAsync();
        await ScreenshotAsync(fixture, adminPage, "outbox-en");

        // Offline again: the demo site assigns automatically, and other tests share this server.
        await SetStatusAsync(agent1, "offline");
        await SetStatusAsync(agent2, "offline");
        (await admin.PutAsJsonAsync("/api/settings", new { emailNotifications = false })).EnsureSuccessStatusCode();
    }

    [SkippableFact]
    public async Task Lists_ViewsFiltersAndSearch_ShowTheRightConversations()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        using var admin = await ApiAsync(fixture, "admin@demo.test");
        var siteId = await CreateSiteAsync(admin, "views");
        var (context, page) = await SignInAsync(fixture, "agent1@demo.test", online: true);
        await using var contextLifetime = context;
        var name = $"Zoé{Guid.NewGuid():N}"[..10];
        var (waitingWidget, waitingId) = await CustomerAsync(fixture, siteId, name, "Où est mon colis ?");
        await using var waitingWidgetLifetime = waitingWidget;
        var (mineWidget, mineId) = await CustomerAsync(fixture, siteId, name + "b", "Facture");
        await using var mineWidgetLifetime = mineWidget;
        await Assertions.Expect(Row(page, mineId)).ToBeVisibleAsync();
        await Row(page, mineId).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Take", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("conversation-status")).ToHaveTextAsync("Livechat");

        await page.Locator("button[data-filter=unassigned]").ClickAsync();
        await Assertions.Expect(Row(page, waitingId)).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, mineId)).ToHaveCountAsync(0);

        await page.Locator("button[data-filter=mine]").ClickAsync();
        await Assertions.Expect(Row(page, mineId)).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, waitingId)).ToHaveCountAsync(0);

        // With another conversation open, a new customer message leaves "mine" unread.
        await page.Locator("button[data-filter=all]").ClickAsync();
        await Row(page, waitingId).ClickAsync();
        await mineWidget.InvokeAsync<JsonElement>("send", new { conversationId = mineId, clientMessageId = Guid.NewGuid().ToString("N"), text = "Vous êtes là ?" });
        await Assertions.Expect(Row(page, mineId)).ToContainTextAsync("Vous êtes là ?");
        await Assertions.Expect(Row(page, mineId).Locator(".badge.green")).ToBeVisibleAsync();
        await page.Locator("button[data-filter=unread]").ClickAsync();
        await Assertions.Expect(Row(page, mineId)).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, waitingId)).ToHaveCountAsync(0);

        await page.Locator("button[data-filter=all]").ClickAsync();
        await page.GetByLabel("Search contacts and messages").FillAsync("colis");
        await Assertions.Expect(Row(page, waitingId)).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, mineId)).ToHaveCountAsync(0);
        await page.GetByLabel("Search contacts and messages").FillAsync("nothing-matches-this-search");
        await Assertions.Expect(page.Locator(".vlist .empty")).ToHaveTextAsync("No conversation here.");
        await page.GetByLabel("Search contacts and messages").FillAsync(string.Empty);
        await ScreenshotAsync(fixture, page, "list-en");

        await page.GetByRole(AriaRole.Link, new() { Name = "Closed" }).ClickAsync();
        await Assertions.Expect(Row(page, waitingId)).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Livechat" }).ClickAsync();
        await Assertions.Expect(Row(page, waitingId)).ToBeVisibleAsync();

        // French, with the same screens.
        await SetLanguageAsync(page, "fr");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" })).ToBeVisibleAsync();
        await Row(page, mineId).ClickAsync();
        await ScreenshotAsync(fixture, page, "conversation-fr");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Laisser une note" }).ClickAsync();
        await ScreenshotAsync(fixture, page, "note-fr");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Répondre" }).ClickAsync();
        await page.Locator(".composer textarea").FillAsync(string.Empty);
        await page.Locator(".composer textarea").PressSequentiallyAsync("/");
        await Assertions.Expect(page.Locator(".snippets")).ToBeVisibleAsync();
        await ScreenshotAsync(fixture, page, "snippets-fr");
        await SetLanguageAsync(page, "en");
        await SetStatusAsync(page, "offline");
    }

    [SkippableFact]
    public async Task SignIn_WrongPassword_SaysSoInWords()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        await using var context = await fixture.NewContextAsync(1366, 768);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/console/");

        await page.GetByLabel("E-mail").FillAsync("agent1@demo.test");
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong e-mail or password.");
    }

    private static string? Text(JsonElement message) =>
        message.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
}
