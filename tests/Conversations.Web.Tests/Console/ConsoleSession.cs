using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Testing.SignalR;
using Conversations.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace Conversations.Web.Tests.Console;

/// <summary>What the console tests share: agents signed in in their own browser context, admin calls
/// over REST, customers on the widget hub, and screenshots into the test output.</summary>
public static class ConsoleSession
{
    public const string Password = "demo-password";

    /// <summary>A 1×1 PNG, enough for the upload's content check.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>A browser context at 1366×768 with notifications allowed, and the console open and signed in.</summary>
    public static async Task<(IBrowserContext Context, IPage Page)> SignInAsync(BrowserFixture fixture, string email, bool online = false)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "en-US",
            Permissions = ["notifications"],
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/console/");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        if (online)
        {
            await SetStatusAsync(page, "online");
        }

        return (context, page);
    }

    /// <summary>An HTTP client signed in as <paramref name="email"/>.</summary>
    public static async Task<HttpClient> ApiAsync(BrowserFixture fixture, string email)
    {
        var http = fixture.Server.CreateHttpClient(new CookieContainer());
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        response.EnsureSuccessStatusCode();
        return http;
    }

    /// <summary>A site of its own without automatic assignment, so agents going online never take the
    /// test's conversations, with visitors named after their PRENOM variable.</summary>
    public static async Task<string> CreateSiteAsync(HttpClient admin, string prefix)
    {
        var id = $"{prefix}-{Guid.NewGuid():N}"[..20];
        using var response = await admin.PostAsJsonAsync("/api/sites", new { id, name = id, allowedOrigins = Array.Empty<string>(), autoAssignment = false, pseudonymTemplate = "{{PRENOM}}" });
        response.EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>A customer on the widget hub who has asked for an agent.</summary>
    public static async Task<(HubClient Widget, string ConversationId)> CustomerAsync(BrowserFixture fixture, string siteId, string firstName, string text)
    {
        var widget = await fixture.Server.ConnectHubAsync("/hubs/widget");
        var start = await widget.InvokeAsync<JsonElement>("start", new { siteId, variables = new Dictionary<string, string> { ["PRENOM"] = firstName } });
        var conversationId = start.GetProperty("conversationId").GetString()!;
        await widget.InvokeAsync<JsonElement>("send", new { conversationId, clientMessageId = Guid.NewGuid().ToString("N"), text });
        await widget.InvokeAsync<JsonElement>("requestAgent", new { conversationId });
        return (widget, conversationId);
    }

    /// <summary>Sets the agent's status from the header and waits until the server confirms it.</summary>
    public static async Task SetStatusAsync(IPage page, string status)
    {
        await page.GetByTestId("status").SelectOptionAsync(status);
        await Assertions.Expect(page.Locator($"label.status-{status}")).ToBeVisibleAsync();
    }

    public static ILocator Row(IPage page, string conversationId) => page.Locator($".row[data-id='{conversationId}']");

    public static Task ScreenshotAsync(BrowserFixture fixture, IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.ScreenshotDirectory, $"console-{name}.png") });

    public static async Task SetLanguageAsync(IPage page, string language) =>
        await page.Locator("header.top select[aria-label='Language'], header.top select[aria-label='Langue']").SelectOptionAsync(language);
}
