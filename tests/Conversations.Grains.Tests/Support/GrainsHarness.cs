using Conversations.Contracts;
using Conversations.Grains.Assistant;
using Conversations.Grains.Conversation;
using Conversations.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Grains.Tests.Support;

/// <summary>A test silo with the conversation grains, in-memory ports that survive restarts, and a
/// seeded workspace: an admin, a site with the assistant, a live-chat-only site, and licensed agents.</summary>
public sealed class GrainsHarness : IAsyncDisposable
{
    public const string WorkspaceId = "ws";
    public const string AdminId = "admin";
    public const string BotSite = "bot-site";
    public const string LiveSite = "live-site";
    public const string OtherSite = "other-site";
    public const string Channel = "api";

    private GrainsHarness(TestSilo silo, InMemoryMessageLog messageLog, InMemoryConversationIndex index, RecordingAnalyticsSink analytics, RecordingEventSink events)
    {
        Silo = silo;
        MessageLog = messageLog;
        Index = index;
        Analytics = analytics;
        Events = events;
    }

    public TestSilo Silo { get; }

    public InMemoryMessageLog MessageLog { get; }

    public InMemoryConversationIndex Index { get; }

    public RecordingAnalyticsSink Analytics { get; }

    public RecordingEventSink Events { get; }

    public IWorkspaceGrain Workspace => Silo.GetGrain<IWorkspaceGrain>(WorkspaceId);

    public static async Task<GrainsHarness> StartAsync(int agents = 2, int licences = 5, int capacity = 5, WorkspaceSettings? settings = null)
    {
        var messageLog = new InMemoryMessageLog();
        var index = new InMemoryConversationIndex();
        var analytics = new RecordingAnalyticsSink();
        var events = new RecordingEventSink();
        var silo = await TestSilo.StartAsync(s => s
            .AddSingleton<IMessageLog>(messageLog)
            .AddSingleton<IConversationIndex>(index)
            .AddSingleton<IAnalyticsSink>(analytics)
            .AddSingleton<IConversationEventSink>(events)
            .AddSingleton<IAssistantResponder, StandInAssistantResponder>());
        var harness = new GrainsHarness(silo, messageLog, index, analytics, events);
        await harness.SeedAsync(agents, licences, capacity, settings ?? new WorkspaceSettings());
        return harness;
    }

    public IConversationGrain Conversation(string id) => Silo.GetGrain<IConversationGrain>(id);

    public IAgentGrain Agent(string id) => Silo.GetGrain<IAgentGrain>(id);

    public IContactGrain Contact(string id) => Silo.GetGrain<IContactGrain>(id);

    public IRoutingGrain Routing(string siteId) => Silo.GetGrain<IRoutingGrain>(RoutingKeys.ForSite(WorkspaceId, siteId));

    /// <summary>Adds an agent through the workspace, optionally licensed and online.</summary>
    public async Task AddAgentAsync(string id, bool licensed = true, bool online = true, IReadOnlyList<string>? allowedSites = null, int capacity = 5, AgentRole role = AgentRole.Agent)
    {
        await Workspace.UpsertAgentAsync(AdminId, new AgentProfile(id, WorkspaceId, $"{id}@test", $"Agent {id}", role, allowedSites, capacity));
        if (licensed)
        {
            await Workspace.SetLicenceAsync(AdminId, id, true);
        }

        if (online)
        {
            await Agent(id).SetStatusAsync(AgentStatus.Online);
        }

        await Silo.WaitForIdleAsync();
    }

    /// <summary>Starts (or resumes) the contact's conversation on a site and lets routing settle.</summary>
    public async Task<ConversationSnapshot> StartAsync(string contactId, string siteId = LiveSite)
    {
        var snapshot = await Contact(contactId).StartAsync(new ContactStart(WorkspaceId, siteId, VisitorToken: $"token-{contactId}"));
        await Silo.WaitForIdleAsync();
        return snapshot;
    }

    /// <summary>Advances the clock in steps, letting the silo settle after each, so that a reminder fires
    /// within a step of its due time and sees the clock there rather than at the end of a long jump.</summary>
    public async Task AdvanceAsync(TimeSpan delta)
    {
        var step = TimeSpan.FromSeconds(10);
        for (var left = delta; left > TimeSpan.Zero; left -= step)
        {
            await Silo.AdvanceTimeAsync(left < step ? left : step);
        }
    }

    /// <summary>The stored record of a conversation, read from storage rather than from the activation.</summary>
    public async Task<StoredStateProbe<ConversationGrainState>> StoredConversationAsync(string conversationId)
    {
        var probe = new StoredStateProbe<ConversationGrainState>();
        await Silo.Storage.ReadStateAsync("conversation", GrainId.Create(nameof(ConversationGrain), conversationId), probe);
        return probe;
    }

    public async Task<ConversationStatus> StatusAsync(string conversationId) => (await Conversation(conversationId).GetStateAsync()).Status;

    public ValueTask DisposeAsync() => Silo.DisposeAsync();

    private async Task SeedAsync(int agents, int licences, int capacity, WorkspaceSettings settings)
    {
        await Workspace.InitializeAsync(new WorkspaceSetup("Test", new AgentProfile(AdminId, WorkspaceId, "admin@test", "Admin"), licences));
        await Workspace.UpdateSettingsAsync(AdminId, settings);
        await Workspace.UpsertSiteAsync(AdminId, new SiteConfig(BotSite, "Bot site", ["https://bot.test"], AssistantId: "assistant"));
        await Workspace.UpsertSiteAsync(AdminId, new SiteConfig(LiveSite, "Live site", ["https://live.test"]));
        await Workspace.UpsertSiteAsync(AdminId, new SiteConfig(OtherSite, "Other site", ["https://other.test"], AutoAssignment: false));
        await Workspace.UpsertChannelAsync(AdminId, new ChannelConfig(Channel, "API", "secret", AssistantId: "assistant"));
        for (var i = 1; i <= agents; i++)
        {
            await AddAgentAsync($"a{i}", capacity: capacity);
        }
    }
}
