using Microsoft.Playwright;

namespace Conversations.Web.Tests.Widget;

/// <summary>The widget as a customer sees it on a page. Playwright's CSS locators pierce open shadow roots.</summary>
public sealed class WidgetPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Launcher => Page.Locator("conversations-widget .launcher");

    public ILocator Window => Page.Locator("conversations-widget .window");

    public ILocator Input => Page.Locator("conversations-widget textarea#cw-input");

    public ILocator Subtitle => Page.Locator("conversations-widget header .subtitle");

    public ILocator TheirBubbles => Page.Locator("conversations-widget .log .row:not(.mine) .bubble");

    public ILocator MyBubbles => Page.Locator("conversations-widget .log .row.mine:not(.pending) .bubble");

    public ILocator Pending => Page.Locator("conversations-widget .log .row.pending");

    public ILocator Typing => Page.Locator("conversations-widget .typing");

    public ILocator QueueNotice => Page.Locator("conversations-widget .notice.queue");

    public ILocator Notices => Page.Locator("conversations-widget .notice");

    public ILocator Choices => Page.Locator("conversations-widget .choices .choice");

    public ILocator Button(string name) => Page.Locator("conversations-widget").GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>Every bubble's text in order, to compare timelines.</summary>
    public Task<IReadOnlyList<string>> TimelineAsync() => Page.Locator("conversations-widget .log .bubble").AllInnerTextsAsync();

    public async Task OpenAsync()
    {
        await Launcher.ClickAsync();
        await Assertions.Expect(Window).ToBeVisibleAsync();
    }

    public async Task SendAsync(string text)
    {
        await Input.FillAsync(text);
        await Input.PressAsync("Enter");
    }

    /// <summary>The active element inside the widget's shadow root, described for assertions.</summary>
    public Task<string> FocusedAsync() => Page.EvaluateAsync<string>(
        "() => { const host = document.querySelector('conversations-widget'); const a = host && host.shadowRoot.activeElement;" +
        " return document.activeElement === host && a ? (a.id || a.className || a.tagName) : 'outside:' + (document.activeElement?.tagName ?? ''); }");
}
