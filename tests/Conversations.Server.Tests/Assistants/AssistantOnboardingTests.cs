using System.Net;
using System.Text;
using Conversations.Contracts;
using Conversations.Server.Seed;
using Conversations.Server.Tests.Api;

namespace Conversations.Server.Tests.Assistants;

/// <summary>What an assistant's rules and flow do to the conversation through the real server: onboarding
/// rules tag it, raise its priority and send its handoff to a team; back to the assistant resumes the flow at
/// the definition's <c>resumeAt</c> step.</summary>
public sealed class AssistantOnboardingTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task OnboardingRule_LangueEs_TagsPrioritisesAndQueuesForTheTeam()
    {
        var team = $"team-{Guid.NewGuid():N}";
        await Workspace.UpsertTeamAsync(DemoSeed.AdminId, new TeamConfig(team, "Español", [DemoSeed.Agent1Id]));
        var (site, contact, conversation) = await StartAsync(team);

        await conversation.ChooseAsync(new CustomerChoice(contact, "c1", "es"));
        await conversation.RequestAgentAsync(contact);

        var details = await conversation.GetDetailsAsync(DemoSeed.AdminId);
        Assert.Equal(["espagnol"], details.Tags);
        Assert.Equal(1, details.Priority);
        Assert.Equal(team, details.AssistantTeamId);
        Assert.Equal(ConversationStatus.Waiting, details.Summary.Status);
        Assert.Equal(team, details.TeamId);
        var entry = await QueueEntryAsync(site, details.Summary.Id);
        Assert.Equal(team, entry.TeamId);
        Assert.Equal(1, entry.Priority);
    }

    [Fact]
    public async Task OnboardingRule_TeamTheWorkspaceLacks_NoteForAgentsAndQueueForEveryone()
    {
        var (site, contact, conversation) = await StartAsync(team: "no-such-team");

        await conversation.ChooseAsync(new CustomerChoice(contact, "c1", "es"));
        await conversation.RequestAgentAsync(contact);

        var details = await conversation.GetDetailsAsync(DemoSeed.AdminId);
        Assert.Null(details.AssistantTeamId);
        Assert.Equal(["espagnol"], details.Tags);
        Assert.Null((await QueueEntryAsync(site, details.Summary.Id)).TeamId);
        var notes = (await conversation.AgentHistoryAsync(DemoSeed.AdminId, null, 50)).Where(m => m.Kind == MessageKind.Note);
        Assert.Contains(notes, n => n.Text!.Contains("no-such-team", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReturnToBot_FromTheQueue_AssistantResumesAtItsResumeStep()
    {
        var (_, contact, conversation) = await StartAsync();
        await conversation.ChooseAsync(new CustomerChoice(contact, "c1", "en"));
        await conversation.RequestAgentAsync(contact);

        var summary = await conversation.AgentReturnToBotAsync(DemoSeed.AdminId);

        Assert.Equal(ConversationStatus.Bot, summary.Status);
        var history = await conversation.CustomerHistoryAsync(contact, null, 50);
        Assert.Equal(AuthorKind.Bot, history[^1].Author.Kind);
        Assert.Equal(TestAssistantYaml.Menu, history[^1].Text);
    }

    [Fact]
    public async Task CustomerReturnToBot_Waiting_AssistantResumesAtItsResumeStep()
    {
        var (_, contact, conversation) = await StartAsync();
        await conversation.RequestAgentAsync(contact);

        var state = await conversation.CustomerReturnToBotAsync(contact);

        Assert.Equal(ConversationStatus.Bot, state.Status);
        Assert.Equal(TestAssistantYaml.Menu, (await conversation.CustomerHistoryAsync(contact, null, 50))[^1].Text);
    }

    private IWorkspaceGrain Workspace => server.Grains.GetGrain<IWorkspaceGrain>(DemoSeed.WorkspaceId);

    // The conversation enqueues itself one way: the entry shows up a moment after the call returns.
    private async Task<QueueEntry> QueueEntryAsync(string site, string conversationId)
    {
        var routing = server.Grains.GetGrain<IRoutingGrain>(RoutingKeys.ForSite(DemoSeed.WorkspaceId, site));
        for (var deadline = DateTime.UtcNow.AddSeconds(10); ; await Task.Delay(20))
        {
            var entry = (await routing.GetQueueAsync()).Entries.FirstOrDefault(e => e.ConversationId == conversationId);
            if (entry is not null || DateTime.UtcNow > deadline)
            {
                return entry ?? throw new TimeoutException($"Conversation {conversationId} never entered the queue of {site}.");
            }
        }
    }

    /// <summary>A new published assistant on a new site, and a conversation started there.</summary>
    private async Task<(string Site, string Contact, IConversationGrain Conversation)> StartAsync(string team = "nobody")
    {
        using var admin = await server.SignInAsync("admin@demo.test");
        var id = $"onboarding-{Guid.NewGuid():N}"[..24];
        var site = $"site-{Guid.NewGuid():N}";
        await Workspace.UpsertSiteAsync(DemoSeed.AdminId, new SiteConfig(site, "Onboarding test", [], AutoAssignment: false));
        using (var imported = await admin.PostAsync(new Uri("/api/assistants/import", UriKind.Relative), new StringContent(TestAssistantYaml.Of(id, "Hello", team), Encoding.UTF8, "application/yaml")))
        {
            await ApiJson.ReadAsync(imported, HttpStatusCode.OK);
        }

        using (var published = await admin.PostAsync(new Uri($"/api/assistants/{id}/publish", UriKind.Relative), null))
        {
            await ApiJson.ReadAsync(published, HttpStatusCode.OK);
        }

        using (var connected = await admin.PutAsync(new Uri($"/api/assistants/{id}/channels", UriKind.Relative), new StringContent($$"""{"sites":["{{site}}"]}""", Encoding.UTF8, "application/json")))
        {
            await ApiJson.ReadAsync(connected, HttpStatusCode.OK);
        }

        var contact = $"contact-{Guid.NewGuid():N}";
        var snapshot = await server.Grains.GetGrain<IContactGrain>(contact).StartAsync(new ContactStart(DemoSeed.WorkspaceId, site, Locale: "en"));
        Assert.Equal(TestAssistantYaml.Question, snapshot.Messages[^1].Text);
        return (site, contact, server.Grains.GetGrain<IConversationGrain>(snapshot.ConversationId));
    }
}
