using Conversations.Web.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Conversations.Web.Tests.Widget;

/// <summary>Keyboard only: reach the launcher, open, type, send, ask for a human, attach, stay trapped
/// inside the window, close with Escape and land back on the launcher.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WidgetKeyboardTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task KeyboardOnly_OpenSendAttachTrapAndClose_Works()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var widget = new WidgetPage(page);
        await page.GotoAsync("/");
        await Expect(widget.Launcher).ToBeVisibleAsync();

        // The launcher is in the page's tab order (after the page's own links).
        for (var i = 0; i < 30 && await widget.FocusedAsync() != "launcher"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("launcher", await widget.FocusedAsync());
        await page.Keyboard.PressAsync("Enter");
        await Expect(widget.Window).ToBeVisibleAsync();
        Assert.Equal("cw-input", await widget.FocusedAsync());
        await Expect(widget.TheirBubbles.First).ToBeVisibleAsync();

        await page.Keyboard.TypeAsync("Typed with the keyboard");
        await page.Keyboard.PressAsync("Enter");
        await Expect(widget.MyBubbles.Filter(new() { HasText = "Typed with the keyboard" })).ToHaveCountAsync(1);

        // Focus never leaves the open window, forwards or backwards.
        for (var i = 0; i < 12; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            Assert.DoesNotContain("outside", await widget.FocusedAsync(), StringComparison.Ordinal);
        }

        for (var i = 0; i < 12; i++)
        {
            await page.Keyboard.PressAsync("Shift+Tab");
            Assert.DoesNotContain("outside", await widget.FocusedAsync(), StringComparison.Ordinal);
        }

        // Attach through the keyboard: the attach button opens the file chooser.
        await widget.Button("Attach an image").FocusAsync();
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Enter"));
        await chooser.SetFilesAsync(new Microsoft.Playwright.FilePayload
        {
            Name = "dot.png",
            MimeType = "image/png",
            Buffer = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="),
        });
        await Expect(page.Locator("conversations-widget .preview img")).ToBeVisibleAsync();
        await widget.Input.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("conversations-widget .log .row.mine:not(.pending) .image-button")).ToHaveCountAsync(1);

        // Ask for a human by keyboard.
        await widget.Button("Talk to a human").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(widget.Subtitle).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Waiting for an agent|is with you"));

        await page.Keyboard.PressAsync("Escape");
        await Expect(widget.Window).ToHaveCountAsync(0);
        Assert.Equal("launcher", await widget.FocusedAsync());
    }
}
