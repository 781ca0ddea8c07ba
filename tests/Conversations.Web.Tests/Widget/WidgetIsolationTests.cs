using Conversations.Web.Tests.Hosting;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Conversations.Web.Tests.Widget;

/// <summary>The widget on host pages of ours: hostile CSS must not change it, a strict CSP must not break it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WidgetIsolationTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string HostileCss = "* { all: unset !important } div { display: none !important }";

    [SkippableFact]
    public async Task HostilePageCssAndStrictCsp_WidgetLooksTheSameAndWorks()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var plain = await MeasureAsync("/plain.html", hostile: false);
        var hostile = await MeasureAsync("/hostile.html", hostile: true);

        Assert.Equal(plain, hostile);
    }

    // Opens the widget on a host page served (through Playwright's router) from the server's origin with a
    // strict Content-Security-Policy (style-src only so the hostile sheet itself loads), and returns what it looks like: boxes and colours of its parts.
    private async Task<string> MeasureAsync(string path, bool hostile)
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };
        var origin = fixture.Server.BaseAddress.GetLeftPart(UriPartial.Authority);
        var socket = origin.Replace("http://", "ws://", StringComparison.Ordinal);
        await page.RouteAsync($"{origin}{path}", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html",
            Headers = new Dictionary<string, string>
            {
                ["Content-Security-Policy"] =
                    $"default-src 'none'; script-src {origin}; connect-src {origin} {socket}; img-src {origin} blob:; style-src {origin}",
            },
            Body = $"""
                <!doctype html><html><head><title>host</title>{(hostile ? "<link rel=\"stylesheet\" href=\"/hostile.css\">" : string.Empty)}</head>
                <body><div><p>A host page.</p></div><script src="/widget.js" data-site="demo" data-locale="en" async></script></body></html>
                """,
        }));
        await page.RouteAsync($"{origin}/hostile.css", route => route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/css", Body = HostileCss }));
        var widget = new WidgetPage(page);

        await page.GotoAsync(path);
        await widget.OpenAsync();
        await Expect(widget.TheirBubbles.First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.ScreenshotDirectory, $"host-page-{(hostile ? "hostile" : "plain")}-desktop.png") });
        output.WriteLine($"screenshot: {Path.Combine(fixture.ScreenshotDirectory, $"host-page-{(hostile ? "hostile" : "plain")}-desktop.png")}");
        Assert.Empty(violations);

        // The host page declares no charset: the widget's own text must still decode as UTF-8.
        await Expect(widget.Input).ToHaveAttributeAsync("placeholder", "Write a message…");

        return await page.EvaluateAsync<string>("""
            () => {
              const root = document.querySelector('conversations-widget').shadowRoot;
              return ['.launcher', '.window', 'header', '.log', 'textarea', '.bubble'].map(selector => {
                const el = root.querySelector(selector);
                const box = el.getBoundingClientRect();
                const style = getComputedStyle(el);
                return `${selector} ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}x${Math.round(box.height)} ${style.display} ${style.backgroundColor} ${style.color} ${style.fontSize} ${style.fontFamily}`;
              }).join('\n');
            }
            """);
    }
}
