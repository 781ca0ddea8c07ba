using Conversations.Contracts;
using Conversations.Server.Seed;
using Conversations.Server.Tests.Api;

namespace Conversations.Server.Tests.Assistants;

/// <summary>The demo assistant answers the demo site's conversations through the real server: onboarding,
/// FAQ answers, the flow position kept across turns outside the variables agents see, and the handoff.</summary>
public sealed class AssistantConversationTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task Conversation_OnboardingThenFaq_DemoAssistantAnswersAndKeepsItsPlace()
    {
        var (contact, snapshot) = await StartAsync("en");
        var conversation = server.Grains.GetGrain<IConversationGrain>(snapshot.ConversationId);
        Assert.Equal(ConversationStatus.Bot, snapshot.State.Status);
        var question = Assert.Single(snapshot.Messages, m => m.Kind == MessageKind.Choice);
        Assert.Equal("Which language would you like to use?", question.Text);
        Assert.Equal(["fr", "en", "es"], question.Options!.Select(o => o.Id));

        await conversation.ChooseAsync(new CustomerChoice(contact, "c1", "en"));
        await server.Grains.GetGrain<IContactGrain>(contact).SendAsync(new ContactMessage(snapshot.ConversationId, "c2", "do you accept paypal?"));

        var history = await conversation.CustomerHistoryAsync(contact, null, 50);
        Assert.Contains(history, m => m.Author.Kind == AuthorKind.Bot && m.Text!.StartsWith("How can I help", StringComparison.Ordinal));
        var answer = history[^1];
        Assert.Equal(AuthorKind.Bot, answer.Author.Kind);
        Assert.Contains("PayPal", answer.Text, StringComparison.Ordinal);
        var details = await conversation.GetDetailsAsync(DemoSeed.AdminId);
        Assert.Equal("en", details.Variables["langue"]);
        Assert.DoesNotContain(details.Variables, v => v.Key.StartsWith("assistant", StringComparison.Ordinal));
        Assert.Equal(ConversationStatus.Bot, details.Summary.Status);
    }

    [Fact]
    public async Task Conversation_AgentAskedDuringOnboarding_HandsOverWithANoteForAgents()
    {
        var (contact, snapshot) = await StartAsync("fr");
        var conversation = server.Grains.GetGrain<IConversationGrain>(snapshot.ConversationId);

        await server.Grains.GetGrain<IContactGrain>(contact).SendAsync(new ContactMessage(snapshot.ConversationId, "c1", "je veux parler à un conseiller"));

        Assert.Equal(ConversationStatus.Waiting, (await conversation.GetStateAsync()).Status);
        var agentView = await conversation.AgentHistoryAsync(DemoSeed.AdminId, null, 50);
        var note = Assert.Single(agentView, m => m.Kind == MessageKind.Note);
        Assert.Equal(AuthorKind.Bot, note.Author.Kind);
        Assert.StartsWith("Le client demande un conseiller.", note.Text, StringComparison.Ordinal);
        var customerView = await conversation.CustomerHistoryAsync(contact, null, 50);
        Assert.DoesNotContain(customerView, m => m.Kind == MessageKind.Note);
        Assert.Contains(customerView, m => m.Text == "Merci, un conseiller va prendre le relais. Je vous indique votre position dans la file d'attente.");
    }

    private async Task<(string Contact, ConversationSnapshot Snapshot)> StartAsync(string locale)
    {
        var contact = $"contact-{Guid.NewGuid():N}";
        var snapshot = await server.Grains.GetGrain<IContactGrain>(contact).StartAsync(new ContactStart(DemoSeed.WorkspaceId, DemoSeed.SiteId, Locale: locale));
        return (contact, snapshot);
    }
}
