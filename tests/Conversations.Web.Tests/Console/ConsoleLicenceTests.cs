using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Web.Tests.Hosting;
using Microsoft.Playwright;
using static Conversations.Web.Tests.Console.ConsoleSession;

namespace Conversations.Web.Tests.Console;

/// <summary>Licences and the floor, on a server of their own (<see cref="LicenceServerCollection"/>): the
/// licence count and the floor's waiting queue are workspace-wide, so other tests' agents and conversations
/// would change what this test reads.</summary>
[Collection(LicenceServerCollection.Name)]
public sealed class ConsoleLicenceTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task Licence_GrantedThenBeyondTheQuota_CountChangesAndTheRefusalIsClear()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        using var api = await ApiAsync(fixture, "admin@demo.test");
        var settings = JsonDocument.Parse(await api.GetStringAsync("/api/settings")).RootElement;
        var licences = settings.GetProperty("licences").GetInt32();
        var used = settings.GetProperty("licensedAgents").GetInt32();
        (await api.PutAsJsonAsync("/api/settings", new { licences = used + 1 })).EnsureSuccessStatusCode();
        try
        {
            var (context, page) = await SignInAsync(fixture, "admin@demo.test");
            await using var _ = context;
            await page.GotoAsync("/console/#/admin/agents");
            await Assertions.Expect(page.GetByTestId("licences")).ToHaveTextAsync($"{used} of {used + 1} licences used");

            var first = await CreateAgentAsync(page, "Licence One");
            await page.GetByLabel("Licence Licence One").CheckAsync();
            await Assertions.Expect(page.GetByTestId("licences")).ToHaveTextAsync($"{used + 1} of {used + 1} licences used");
            await Assertions.Expect(page.Locator($"tr[data-agent='{first}']")).ToBeVisibleAsync();

            await CreateAgentAsync(page, "Licence Two");
            await page.GetByLabel("Licence Licence Two").CheckAsync();
            await Assertions.Expect(page.GetByTestId("admin-message")).ToContainTextAsync($"All {used + 1} licences are in use");
            await Assertions.Expect(page.GetByLabel("Licence Licence Two")).Not.ToBeCheckedAsync();
            await Assertions.Expect(page.GetByTestId("licences")).ToHaveTextAsync($"{used + 1} of {used + 1} licences used");
            await ScreenshotAsync(fixture, page, "admin-agents-en");

            await page.GotoAsync("/console/#/floor");
            await Assertions.Expect(page.Locator(".floor tr[data-agent=agent1]")).ToBeVisibleAsync();
            await ScreenshotAsync(fixture, page, "floor-en");
            await SetLanguageAsync(page, "fr");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "File d'attente" })).ToBeVisibleAsync();
            await ScreenshotAsync(fixture, page, "floor-fr");
            await page.GotoAsync("/console/#/admin/agents");
            await Assertions.Expect(page.GetByTestId("licences")).ToContainTextAsync("licences utilisées sur");
            await ScreenshotAsync(fixture, page, "admin-agents-fr");
            await SetLanguageAsync(page, "en");
        }
        finally
        {
            // Take back the licences this test gave, then the quota: the next test of this collection shares the server.
            foreach (var agent in JsonDocument.Parse(await api.GetStringAsync("/api/agents")).RootElement.EnumerateArray())
            {
                if (agent.GetProperty("displayName").GetString()!.StartsWith("Licence ", StringComparison.Ordinal) && agent.GetProperty("licensed").GetBoolean())
                {
                    (await api.PutAsJsonAsync($"/api/agents/{agent.GetProperty("id").GetString()}/licence", new { licensed = false })).EnsureSuccessStatusCode();
                }
            }

            (await api.PutAsJsonAsync("/api/settings", new { licences })).EnsureSuccessStatusCode();
        }
    }

    private static async Task<string> CreateAgentAsync(IPage page, string name)
    {
        var form = page.Locator("form.form");
        await form.GetByLabel("E-mail").FillAsync($"{Guid.NewGuid():N}@demo.test");
        await form.GetByLabel("Password").FillAsync("long-enough-password");
        await form.GetByLabel("Display name").FillAsync(name);
        await form.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        var row = page.Locator("tr[data-agent]").Filter(new() { HasText = name });
        await Assertions.Expect(row).ToBeVisibleAsync();
        return (await row.GetAttributeAsync("data-agent"))!;
    }
}
