using Conversations.Web.Tests.Hosting;

namespace Conversations.Web.Tests.Console;

[Collection(BrowserCollection.Name)]
public sealed class ConsolePageTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task ConsoleRoute_DeepLink_ServesTheConsoleApp()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/console/conversations/some-id");

        await Microsoft.Playwright.Assertions.Expect(page.Locator("body")).ToContainTextAsync("Console");
    }
}
