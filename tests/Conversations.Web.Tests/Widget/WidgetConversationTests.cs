using System.Text.RegularExpressions;
using Conversations.Web.Tests.Hosting;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Conversations.Web.Tests.Widget;

/// <summary>A customer on the demo page, end to end against the real server, with an agent on the console hub.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WidgetConversationTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("desktop", 1280, 800, "agent1@demo.test", "Agent 1")]
    [InlineData("mobile", 390, 844, "agent2@demo.test", "Agent 2")]
    public async Task Conversation_FromWelcomeToRating_NoWordLostOrDuplicated(string viewport, int width, int height, string agentEmail, string agentName)
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var shots = new Screenshots(fixture.ScreenshotDirectory, viewport, output);
        await using var context = await fixture.NewContextAsync(width, height, mobile: viewport == "mobile");
        var page = await context.NewPageAsync();
        var sockets = 0;
        page.WebSocket += (_, _) => sockets++;
        var widget = new WidgetPage(page);

        // The launcher paints without a connection; the hub connects on first open.
        await page.GotoAsync("/");
        await Expect(widget.Launcher).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(300);
        Assert.Equal(0, sockets);
        await shots.TakeAsync(page, "1-closed-launcher");

        await widget.OpenAsync();
        await Expect(widget.TheirBubbles.First).ToBeVisibleAsync();
        Assert.True(sockets > 0);

        // 16 px at least, so mobile browsers do not zoom into the input; full screen on a phone.
        await Expect(widget.Input).ToHaveCSSAsync("font-size", "16px");
        if (viewport == "mobile")
        {
            // Measured where the opening animation (a 12 px rise) ends, not while a busy machine still runs it.
            await widget.Window.EvaluateAsync("element => Promise.all(element.getAnimations().map(a => a.finished))");
            var box = await widget.Window.BoundingBoxAsync();
            Assert.Equal((0f, 0f, width, height), (box!.X, box.Y, box.Width, box.Height));
        }
        await shots.TakeAsync(page, "2-welcome");

        // The stand-in assistant sends no choices; the real one does, and then they are exercised here.
        if (await widget.Choices.CountAsync() > 0)
        {
            await shots.TakeAsync(page, "3-choices");
            await widget.Choices.First.ClickAsync();
            await Expect(widget.Choices.First).ToBeDisabledAsync();
        }

        await widget.SendAsync("What are your opening hours?");
        await Expect(widget.MyBubbles.Last).ToHaveTextAsync(new Regex("What are your opening hours"));
        await Expect(widget.Pending).ToHaveCountAsync(0);

        await using var agent = await AgentConsole.SignInAsync(fixture.Server, agentEmail);
        await agent.SetStatusAsync("away");
        await widget.Button("Talk to a human").ClickAsync();
        await Expect(widget.QueueNotice).ToBeVisibleAsync();
        await Expect(widget.QueueNotice).ToHaveTextAsync(new Regex(@"(number \d+ in the queue|Waiting for an agent)"));
        await Expect(widget.QueueNotice).ToHaveTextAsync(new Regex(@"number \d+ in the queue"), new() { Timeout = 10_000 });
        await shots.TakeAsync(page, "4-waiting-queue");

        var conversationId = await ConversationIdAsync(page);
        await agent.SetStatusAsync("online");
        await TakeUnlessAssignedAsync(agent, widget, conversationId);
        await Expect(widget.Subtitle).ToHaveTextAsync($"{agentName} is with you");
        await agent.TypingAsync(conversationId, isTyping: true);
        await Expect(widget.Typing).ToHaveTextAsync($"{agentName} is typing…");
        await agent.ReplyAsync(conversationId, $"Hello, I am {agentName}. https://example.com/help");
        var agentBubble = widget.TheirBubbles.Filter(new() { HasText = $"Hello, I am {agentName}" });
        await Expect(agentBubble).ToHaveCountAsync(1);
        await Expect(agentBubble.Locator(".author")).ToHaveTextAsync(agentName);
        await Expect(agentBubble.Locator("a")).ToHaveAttributeAsync("rel", "noopener noreferrer");
        await Expect(widget.Typing).ToBeEmptyAsync();

        // Typing the other way: the agent sees the customer typing before anything is sent.
        var customerTyping = agent.Hub.WaitForAsync<System.Text.Json.JsonElement>("typing", t =>
            t.GetProperty("author").GetProperty("kind").GetString() == "customer" && t.GetProperty("isTyping").GetBoolean());
        await widget.Input.PressSequentiallyAsync("Thanks");
        await customerTyping;
        await widget.Input.FillAsync(string.Empty);

        await widget.SendAsync("Thanks, my parcel is late");
        await agent.WaitForCustomerMessageAsync("Thanks, my parcel is late");
        await agent.MarkReadAsync(conversationId, agent.SeqOfCustomerMessage("Thanks, my parcel is late"));
        await Expect(page.Locator("conversations-widget .log .meta", new() { HasText = "Read" })).ToBeVisibleAsync();
        await shots.TakeAsync(page, "5-live-agent");

        // A reload resumes the same conversation, each message once.
        var before = await widget.TimelineAsync();
        await page.ReloadAsync();
        await Expect(widget.Window).ToBeVisibleAsync();
        await Expect(agentBubble).ToHaveCountAsync(1);
        await Expect(page.Locator("conversations-widget .log .bubble")).ToHaveCountAsync(before.Count);
        Assert.Equal(before, await widget.TimelineAsync());

        // Offline: the message waits as "sending", the agent's reply meanwhile is caught up, both once.
        await context.SetOfflineAsync(true);
        await Expect(widget.Notices.Filter(new() { HasText = "Reconnecting" })).ToBeVisibleAsync();
        await widget.SendAsync("Written while offline");
        await Expect(widget.Pending).ToHaveCountAsync(1);
        await Expect(widget.Pending.Locator("xpath=following-sibling::div[1]")).ToHaveTextAsync("Sending…");
        await agent.ReplyAsync(conversationId, "Sent while you were away");
        await shots.TakeAsync(page, "6-reconnecting");
        await context.SetOfflineAsync(false);
        await Expect(widget.Pending).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Expect(widget.MyBubbles.Filter(new() { HasText = "Written while offline" })).ToHaveCountAsync(1);
        await Expect(widget.TheirBubbles.Filter(new() { HasText = "Sent while you were away" })).ToHaveCountAsync(1);
        await agent.WaitForCustomerMessageAsync("Written while offline");
        await page.WaitForTimeoutAsync(500);
        Assert.Equal(1, agent.CountCustomerMessages("Written while offline"));
        await Expect(widget.Notices.Filter(new() { HasText = "Reconnecting" })).ToHaveCountAsync(0);

        // The agent closes; the customer rates, then may start again.
        await agent.CloseAsync(conversationId);
        await Expect(widget.Subtitle).ToHaveTextAsync("This conversation is closed.");
        var stars = page.Locator("conversations-widget cw-rating-form .star");
        await Expect(stars).ToHaveCountAsync(5);
        await shots.TakeAsync(page, "7-rating");
        await stars.Nth(3).ClickAsync();
        await page.Locator("conversations-widget #cw-rating-comment").FillAsync("Quick and kind");
        await widget.Button("Send my rating").ClickAsync();
        await Expect(page.Locator("conversations-widget .closed p")).ToHaveTextAsync("Thank you for your feedback!");

        await widget.Button("Start a new conversation").ClickAsync();
        await Expect(widget.Subtitle).ToHaveTextAsync("Assistant");
        await Expect(widget.TheirBubbles.First).ToBeVisibleAsync();
        Assert.NotEqual(conversationId, await ConversationIdAsync(page));
    }

    [SkippableFact]
    public async Task TwoTabs_OneVisitor_ShowTheSameConversationLive()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        await using var context = await fixture.NewContextAsync();
        var first = new WidgetPage(await context.NewPageAsync());
        await first.Page.GotoAsync("/");
        await first.OpenAsync();
        await Expect(first.TheirBubbles.First).ToBeVisibleAsync();

        var second = new WidgetPage(await context.NewPageAsync());
        await second.Page.GotoAsync("/");
        await second.OpenAsync();
        await first.SendAsync("Hello from the first tab");

        await Expect(second.MyBubbles.Filter(new() { HasText = "Hello from the first tab" })).ToHaveCountAsync(1);
        Assert.Equal(await ConversationIdAsync(first.Page), await ConversationIdAsync(second.Page));
    }

    [SkippableFact]
    public async Task Upload_WrongTypeOrTooLarge_RefusedBeforeUploading_ImageSentAndEnlarged()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var uploads = 0;
        page.Request += (_, request) => uploads += request.Url.Contains("/api/uploads", StringComparison.Ordinal) && request.Method == "POST" ? 1 : 0;
        var widget = new WidgetPage(page);
        await page.GotoAsync("/");
        await widget.OpenAsync();
        await Expect(widget.TheirBubbles.First).ToBeVisibleAsync();
        var file = page.Locator("conversations-widget #cw-file");

        await file.SetInputFilesAsync(new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "hello"u8.ToArray() });
        await Expect(page.Locator("conversations-widget .error")).ToHaveTextAsync("Only images can be sent (PNG, JPEG, GIF or WebP).");
        await file.SetInputFilesAsync(new FilePayload { Name = "huge.png", MimeType = "image/png", Buffer = new byte[(5 * 1024 * 1024) + 1] });
        await Expect(page.Locator("conversations-widget .error")).ToHaveTextAsync("This image is too large: 5 MB at most.");
        Assert.Equal(0, uploads);

        await file.SetInputFilesAsync(new FilePayload { Name = "dot.png", MimeType = "image/png", Buffer = TinyPng });
        await Expect(page.Locator("conversations-widget .preview img")).ToBeVisibleAsync();
        await widget.SendAsync("Here is a picture");
        var image = page.Locator("conversations-widget .log .row.mine:not(.pending) .image-button img");
        await Expect(image).ToHaveCountAsync(1);
        Assert.Equal(1, uploads);

        await image.ClickAsync();
        await Expect(page.Locator("conversations-widget cw-image-viewer .viewer img")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("conversations-widget cw-image-viewer")).ToHaveCountAsync(0);
    }

    // A 1×1 PNG.
    private static byte[] TinyPng => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public static Task<string> ConversationIdAsync(IPage page) =>
        page.EvaluateAsync<string>("() => JSON.parse(localStorage.getItem('conversations.widget.demo.visitor')).conversationId");

    // Auto-assignment may give the conversation to the agent as soon as it is online; otherwise it takes it.
    private static async Task TakeUnlessAssignedAsync(AgentConsole agent, WidgetPage widget, string conversationId)
    {
        try
        {
            await Expect(widget.Subtitle).ToHaveTextAsync(new Regex("is with you"), new() { Timeout = 2_000 });
        }
        catch (PlaywrightException)
        {
            await agent.TakeAsync(conversationId);
        }
    }
}
