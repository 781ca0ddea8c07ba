using System.Text;
using System.Text.RegularExpressions;
using Conversations.Web.Tests.Hosting;
using Microsoft.Playwright;
using static Conversations.Web.Tests.Console.ConsoleSession;

namespace Conversations.Web.Tests.Console;

[Collection(BrowserCollection.Name)]
public sealed partial class ConsoleAssistantTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task Admin_EditsATrainingPhrase_PreviewMatchesItThenPublishes()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        using var admin = await ApiAsync(fixture, "admin@demo.test");
        var id = await ImportAsync(admin);
        var (context, page) = await SignInAsync(fixture, "admin@demo.test");
        await using var contextLifetime = context;

        // The list shows the imported assistant as a draft, not connected anywhere, its name as text.
        await page.GetByRole(AriaRole.Link, new() { Name = "Assistants", Exact = true }).ClickAsync();
        var row = page.Locator($"tr[data-assistant='{id}']");
        await Assertions.Expect(row).ToContainTextAsync("Draft");
        await Assertions.Expect(row).ToContainTextAsync("Not connected");
        await Assertions.Expect(row).ToContainTextAsync("Console test <b>shop</b>");
        await row.GetByRole(AriaRole.Link, new() { Name = "Open" }).ClickAsync();

        // Emptying an intent's phrases is refused, the error shown beside that intent's phrases.
        var orders = page.Locator("details[data-intent='order-status']");
        await orders.Locator("summary").ClickAsync();
        await orders.GetByLabel("Training phrases (en), one per line").FillAsync(string.Empty);
        await orders.GetByLabel("Training phrases (fr), one per line").FillAsync(string.Empty);
        await page.GetByTestId("save-draft").ClickAsync();
        await Assertions.Expect(page.GetByTestId("editor-message")).ToHaveTextAsync("The draft was not saved: fix the fields marked below.");
        await Assertions.Expect(orders.Locator(".field-error[data-field='intents[0].phrases']")).ToContainTextAsync("at least one training phrase");
        await orders.GetByLabel("Training phrases (en), one per line").FillAsync("where is my order\ntrack my order");

        // A new training phrase of "returns", saved, is what the preview matches, with its confidence and runners-up.
        var returns = page.Locator("details[data-intent='returns']");
        await returns.Locator("summary").ClickAsync();
        var phrases = returns.GetByLabel("Training phrases (en), one per line");
        await phrases.FillAsync($"{await phrases.InputValueAsync()}\ncan I send back the blue sweater");
        await page.GetByTestId("save-draft").ClickAsync();
        await Assertions.Expect(page.GetByTestId("editor-message")).ToHaveTextAsync("Draft saved.");
        await Assertions.Expect(page.Locator(".field-error")).ToHaveCountAsync(0);

        var message = page.GetByLabel("A customer message");
        await message.FillAsync("can I send back the blue sweater");
        await message.PressAsync("Enter");
        var match = page.GetByTestId("preview-match").Last;
        await Assertions.Expect(match).ToHaveAttributeAsync("data-intent", "returns");
        await Assertions.Expect(match.GetByTestId("confidence")).ToHaveTextAsync(Confidence());
        await Assertions.Expect(match.Locator(".bubble.bot")).ToHaveTextAsync("You have 30 days to return an item.");
        await Assertions.Expect(match.GetByTestId("runners-up").Locator("li").First).ToHaveTextAsync(RunnerUp());
        await ScreenshotAsync(fixture, page, "assistant-editor-en");

        // Publishing makes the saved draft version 1 and the assistant active.
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("assistants-message")).ToHaveTextAsync("Version 1 published.");
        await Assertions.Expect(page.GetByTestId("published-version")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("assistant-status")).ToHaveTextAsync("Active");
        var yaml = await admin.GetStringAsync(new Uri($"/api/assistants/{id}/yaml", UriKind.Relative));
        Assert.Contains("can I send back the blue sweater", yaml, StringComparison.Ordinal);

        // The page re-renders in French at once.
        await SetLanguageAsync(page, "fr");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publier", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("assistant-status")).ToHaveTextAsync("Actif");
        await Assertions.Expect(page.GetByTestId("assistants-message")).ToHaveTextAsync("Version 1 publiée.");
        await ScreenshotAsync(fixture, page, "assistant-editor-fr");

        // The knowledge base lists the published articles and searches them; a body opens in its sandboxed frame.
        await SetLanguageAsync(page, "en");
        await page.GetByRole(AriaRole.Link, new() { Name = "Knowledge base", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".articles li[data-article='returns-policy']").First).ToBeVisibleAsync();
        await page.GetByLabel("Search articles").FillAsync("refund");
        await page.Locator(".knowledge select").SelectOptionAsync("en");
        var found = page.Locator(".articles li").First;
        await Assertions.Expect(found).ToHaveAttributeAsync("data-article", "returns-policy");
        await found.GetByRole(AriaRole.Button, new() { Name = "Returns and refunds" }).ClickAsync();
        await Assertions.Expect(found.Locator("iframe.article-body[sandbox='']")).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"^confidence (0|1)\.\d\d$")]
    private static partial Regex Confidence();

    [GeneratedRegex(@"^(order-status|delivery) \d\.\d\d$")]
    private static partial Regex RunnerUp();

    private static async Task<string> ImportAsync(HttpClient admin)
    {
        var id = $"console-{Guid.NewGuid():N}"[..18];
        var yaml = $$"""
            id: {{id}}
            name: Console test <b>shop</b>
            languages: [en, fr]
            start: hello
            fallback:
              message: { en: "Sorry?", fr: "Pardon ?" }
            steps:
              - id: hello
                type: message
                text: { en: "Hello!", fr: "Bonjour !" }
            intents:
              - id: order-status
                phrases:
                  en: ["where is my order", "track my order"]
                  fr: ["où est ma commande"]
                answer: { en: "Your order is on its way.", fr: "Votre commande est en route." }
              - id: returns
                phrases:
                  en: ["how do I return an item", "return policy"]
                  fr: ["comment retourner un article"]
                answer: { en: "You have 30 days to return an item.", fr: "Vous avez 30 jours pour retourner un article." }
              - id: delivery
                phrases:
                  en: ["how long is delivery", "shipping costs", "when will you send my parcel"]
                  fr: ["délai de livraison"]
                answer: { en: "Delivery takes 2 days.", fr: "La livraison prend 2 jours." }
            """;
        using var response = await admin.PostAsync(new Uri("/api/assistants/import", UriKind.Relative), new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        response.EnsureSuccessStatusCode();
        return id;
    }
}
