using Conversations.Contracts;
using Conversations.Server.Seed;
using Conversations.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Conversations.Web.Tests.Widget;

/// <summary>The widget embedded on a customer's page of another origin (one its site allows): it
/// uploads an image across origins (CORS preflight) and shows it again from its signed link after a reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WidgetEmbeddedImageTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Upload_FromAnotherOriginTheSiteAllows_ImageSentAndShownFromItsSignedLink()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var server = fixture.Server.BaseAddress.GetLeftPart(UriPartial.Authority);
        var siteId = $"shop-{Guid.NewGuid():N}"[..16];
        await using var shop = await OtherOriginHost.StartAsync($"""
            <!doctype html><html><head><meta charset="utf-8"><title>shop</title></head>
            <body><p>A customer's shop.</p><script src="{server}/widget.js" data-site="{siteId}" data-locale="en" async></script></body></html>
            """);
        await fixture.Server.Services.GetRequiredService<IGrainFactory>().GetGrain<IWorkspaceGrain>(DemoSeed.WorkspaceId)
            .UpsertSiteAsync(DemoSeed.AdminId, new SiteConfig(siteId, "Shop", [shop.Origin], AutoAssignment: false, AssistantId: DemoSeed.AssistantId));
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        string? uploadGrant = null;
        var failures = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                output.WriteLine($"console error: {message.Text}");
                failures.Add(message.Text);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Request.Method == "POST" && response.Url.Contains("/api/uploads", StringComparison.Ordinal))
            {
                uploadGrant = response.Headers.GetValueOrDefault("access-control-allow-origin");
            }
        };
        page.PageError += (_, error) => failures.Add(error);
        var widget = new WidgetPage(page);

        await page.GotoAsync($"{shop.Origin}/");
        await widget.OpenAsync();
        await Expect(widget.TheirBubbles.First).ToBeVisibleAsync();
        await page.Locator("conversations-widget #cw-file").SetInputFilesAsync(new FilePayload { Name = "dot.png", MimeType = "image/png", Buffer = TinyPng });
        await widget.SendAsync("A picture from the shop");
        await Expect(page.Locator("conversations-widget .log .row.mine:not(.pending) .image-button img")).ToHaveCountAsync(1);

        // After a reload the history comes from the server: the image loads from the signed link alone.
        // (The window stays open across the reload.)
        await page.ReloadAsync();
        await Expect(widget.Window).ToBeVisibleAsync();
        var image = page.Locator("conversations-widget .log .row.mine .image-button img");
        await Expect(image).ToHaveCountAsync(1);
        await Expect(image).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex($"^{System.Text.RegularExpressions.Regex.Escape(server)}/api/uploads/[0-9a-f]{{32}}\\?sig="));
        await Expect(image).ToHaveJSPropertyAsync("complete", true);
        var width = await image.EvaluateAsync<int>("img => img.naturalWidth");
        var shot = Path.Combine(fixture.ScreenshotDirectory, "widget-embedded-image-desktop.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot });
        output.WriteLine($"screenshot: {shot}");

        Assert.Equal(1, width);
        Assert.Equal(shop.Origin, uploadGrant);
        Assert.Empty(failures);
    }

    // A 1×1 PNG.
    private static byte[] TinyPng => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}
