using Conversations.Contracts;
using Conversations.Grains.Hosting;
using Conversations.Server.Auth;
using Conversations.Server.Cluster;
using Conversations.Server.Hubs.FanOut;
using Conversations.Server.Hubs.Payloads;
using Conversations.Server.Hubs.Requests;
using Conversations.Server.Hubs.Widget;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.Server.Hubs.Console;

/// <summary><c>/hubs/console</c>: signed-in agents. The acting agent is always the cookie's; the
/// conversation grain checks that it may act (member, allowed on the site, assigned, supervisor).</summary>
[Authorize(Policy = AuthPolicies.Agent)]
public sealed class ConsoleHub(
    IGrainFactory grains,
    AgentConnections connections,
    ConsoleCounters counters,
    ConversationAudience audience,
    IEdgeAudience edge,
    OpenHubConnections open,
    WidgetArguments arguments) : Hub<IConsoleClient>
{
    private static readonly object ConnectionKey = new();

    public override async Task OnConnectedAsync()
    {
        open.Opened(Context);
        var agent = AgentClaims.From(Context.User);
        var view = agent is null ? null : await grains.GetGrain<IAgentGrain>(agent.AgentId).GetAsync();
        if (agent is null || view is not { Exists: true })
        {
            Context.Abort();
            return;
        }

        var workspace = await grains.GetGrain<IWorkspaceGrain>(agent.WorkspaceId).GetAsync();
        IReadOnlyList<string> sites = view.Profile.AllowedSiteIds
            ?? [.. workspace.Sites.Select(s => s.Id), .. workspace.Channels.Select(c => c.Id)];
        var connection = new ConsoleConnection(Context, agent, sites);
        // Before the queue and load are read below: their later changes then reach this node. The workspace's
        // list rows and counters keep coming as long as the node runs, so its counters stay whole.
        await Task.WhenAll(
            edge.HoldAsync(AudienceKeys.Workspace(agent.WorkspaceId)),
            edge.FollowAsync(Context.ConnectionId, [AudienceKeys.Agent(agent.AgentId), .. sites.Select(s => AudienceKeys.Site(agent.WorkspaceId, s))]));
        Context.Items[ConnectionKey] = connection;
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Agent(agent.AgentId));
        foreach (var site in sites)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Site(agent.WorkspaceId, site));
            var queue = await grains.GetGrain<IRoutingGrain>(RoutingKeys.ForSite(agent.WorkspaceId, site)).GetQueueAsync();
            counters.SetQueue(agent.WorkspaceId, site, queue.Entries.Count, queue.Entries.Count(e => e.TeamId is null));
        }

        if (agent.IsSupervisor)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Supervisors(agent.WorkspaceId));
        }

        connections.Add(connection);

        // A revocation while this connection was being set up found nothing to close: check after registering.
        if (await grains.GetGrain<IAccountGrain>(agent.Email).GetAsync() is not { Active: true } account || account.AgentId != agent.AgentId)
        {
            connections.Remove(agent.AgentId, Context.ConnectionId);
            Context.Abort();
            return;
        }

        counters.SetMine(agent.AgentId, view.ActiveConversationIds.Count);
        await Clients.Caller.Counters(counters.For(connection));
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        open.Closed(Context.ConnectionId);
        edge.Disconnected(Context.ConnectionId);
        if (Context.Items.TryGetValue(ConnectionKey, out var connection))
        {
            connections.Remove(((ConsoleConnection)connection!).Agent.AgentId, Context.ConnectionId);
        }

        foreach (var conversationId in audience.RemoveConnection(Context.ConnectionId))
        {
            await SendViewersAsync(conversationId);
        }

        await base.OnDisconnectedAsync(exception);
    }

    [HubMethodName("reply")]
    [Idempotent]
    public async Task<Message> ReplyAsync(MessageRequest? request)
    {
        var reply = HubArguments.Required(request);
        var conversation = Conversation(reply.ConversationId);
        var clientMessageId = HubArguments.Id(reply.ClientMessageId, "clientMessageId");
        var text = HubArguments.Text(reply.Text, "text");
        var agent = Agent();
        var attachment = await arguments.AttachmentAsync(agent.Agent.WorkspaceId, reply.AttachmentId, text, Context.ConnectionAborted);
        return await conversation.ReplyAsync(new AgentMessage(agent.Agent.AgentId, clientMessageId, text, attachment, Context.ConnectionId));
    }

    [HubMethodName("note")]
    [Idempotent]
    public async Task<Message> NoteAsync(MessageRequest? request)
    {
        var note = HubArguments.Required(request);
        var conversation = Conversation(note.ConversationId);
        var clientMessageId = HubArguments.Id(note.ClientMessageId, "clientMessageId");
        var text = string.IsNullOrWhiteSpace(note.Text) ? throw HubArguments.Invalid("text", "is required.") : HubArguments.Text(note.Text, "text");
        return await conversation.NoteAsync(new AgentMessage(AgentId(), clientMessageId, text, Origin: Context.ConnectionId));
    }

    [HubMethodName("take")]
    public Task<ConversationSummary> TakeAsync(ConversationRequest? request) =>
        Conversation(HubArguments.Required(request).ConversationId).TakeAsync(AgentId());

    [HubMethodName("assign")]
    public Task<ConversationSummary> AssignAsync(AssignRequest? request)
    {
        var assign = HubArguments.Required(request);
        var conversation = Conversation(assign.ConversationId);
        return conversation.AssignAsync(AgentId(), HubArguments.Id(assign.AgentId, "agentId"));
    }

    [HubMethodName("transfer")]
    public Task<ConversationSummary> TransferAsync(TransferArgument? request)
    {
        var transfer = HubArguments.Required(request);
        var conversation = Conversation(transfer.ConversationId);
        var agentId = HubArguments.OptionalId(transfer.AgentId, "agentId");
        var teamId = HubArguments.OptionalId(transfer.TeamId, "teamId");
        if (agentId is not null && teamId is not null)
        {
            throw HubArguments.Invalid("teamId", "cannot be given with agentId: transfer to an agent or to a team.");
        }

        return conversation.TransferAsync(new TransferRequest(AgentId(), agentId, teamId));
    }

    [HubMethodName("close")]
    public Task<ConversationSummary> CloseAsync(ConversationRequest? request) =>
        Conversation(HubArguments.Required(request).ConversationId).CloseAsync(AgentId());

    [HubMethodName("reopen")]
    public Task<ConversationSummary> ReopenAsync(ConversationRequest? request) =>
        Conversation(HubArguments.Required(request).ConversationId).ReopenAsync(AgentId());

    [HubMethodName("returnToBot")]
    public Task<ConversationSummary> ReturnToBotAsync(ConversationRequest? request) =>
        Conversation(HubArguments.Required(request).ConversationId).AgentReturnToBotAsync(AgentId());

    [HubMethodName("setStatus")]
    public async Task SetStatusAsync(SetStatusRequest? request)
    {
        var status = HubArguments.Required(request).Status switch
        {
            "online" => AgentStatus.Online,
            "away" => AgentStatus.Away,
            "offline" => AgentStatus.Offline,
            _ => throw HubArguments.Invalid("status", "must be \"online\", \"away\" or \"offline\"."),
        };
        await grains.GetGrain<IAgentGrain>(AgentId()).SetStatusAsync(status);
    }

    [HubMethodName("typing")]
    public Task TypingAsync(TypingRequest? request)
    {
        var typing = HubArguments.Required(request);
        return Conversation(typing.ConversationId).AgentTypingAsync(AgentId(), typing.IsTyping);
    }

    [HubMethodName("markRead")]
    public Task MarkReadAsync(MarkReadRequest? request)
    {
        var read = HubArguments.Required(request);
        var conversation = Conversation(read.ConversationId);
        var upToSeq = read.UpToSeq is >= 0 and var seq ? seq : throw HubArguments.Invalid("upToSeq", "is required (0 or more).");
        return conversation.AgentMarkReadAsync(AgentId(), upToSeq);
    }

    [HubMethodName("watch")]
    public async Task WatchAsync(ConversationRequest? request)
    {
        var conversationId = HubArguments.Id(HubArguments.Required(request).ConversationId, "conversationId");
        await edge.FollowAsync(Context.ConnectionId, [AudienceKeys.Conversation(conversationId)]);
        await Conversation(conversationId).WatchAsync(AgentId());
        var agent = Agent().Agent;
        audience.Watch(conversationId, Context.ConnectionId, new AgentRef(agent.AgentId, agent.DisplayName));
        await SendViewersAsync(conversationId);
    }

    [HubMethodName("unwatch")]
    public async Task UnwatchAsync(ConversationRequest? request)
    {
        var conversationId = HubArguments.Id(HubArguments.Required(request).ConversationId, "conversationId");
        await Conversation(conversationId).UnwatchAsync(AgentId());
        audience.Unwatch(conversationId, Context.ConnectionId);
        edge.Unfollow(Context.ConnectionId, AudienceKeys.Conversation(conversationId));
        await SendViewersAsync(conversationId);
    }

    [HubMethodName("offerHelp")]
    public Task OfferHelpAsync(ConversationRequest? request) =>
        Conversation(HubArguments.Required(request).ConversationId).OfferHelpAsync(AgentId());

    [HubMethodName("createMonitored")]
    public async Task<MonitoredResult> CreateMonitoredAsync(CreateMonitoredRequest? request)
    {
        var create = HubArguments.Required(request);
        var name = string.IsNullOrWhiteSpace(create.Name) ? throw HubArguments.Invalid("name", "is required.") : HubArguments.Max(create.Name, "name", HubArguments.MaxName);
        var email = create.Email is { } given && given.Contains('@', StringComparison.Ordinal)
            ? HubArguments.Max(given, "email", HubArguments.MaxName)
            : throw HubArguments.Invalid("email", "is required (an e-mail address).");
        var knowledgeId = HubArguments.OptionalId(create.KnowledgeId, "knowledgeId");
        var agent = Agent();
        var siteId = HubArguments.OptionalId(create.SiteId, "siteId")
            ?? agent.SiteIds.FirstOrDefault()
            ?? throw HubArguments.Invalid("siteId", "is required: the agent is allowed on no site.");
        if (!agent.SiteIds.Contains(siteId))
        {
            throw HubErrors.Of(DomainErrors.AgentNotAllowedOnSite, $"Agent '{agent.Agent.AgentId}' is not allowed on site '{siteId}'.");
        }

        var monitored = await grains.GetGrain<IWorkspaceGrain>(agent.Agent.WorkspaceId)
            .CreateMonitoredAsync(new CreateMonitored(agent.Agent.AgentId, siteId, name, email, create.Strong, knowledgeId));
        return new MonitoredResult(monitored.ConversationId, monitored.Link);
    }

    // Viewers and the assigned agent learn who has the conversation open; the list names agents only,
    // so it can go to anyone already following the conversation.
    private Task SendViewersAsync(string conversationId)
    {
        var targets = audience.Watchers(conversationId).ToList();
        if (audience.AssignedAgent(conversationId) is { } assigned)
        {
            targets.AddRange(connections.Of(assigned).Select(c => c.ConnectionId));
        }

        return targets.Count == 0
            ? Task.CompletedTask
            : Clients.Clients(targets.Distinct().ToList()).Viewers(new ViewersPayload(conversationId, audience.Viewers(conversationId)));
    }

    private ConsoleConnection Agent() =>
        Context.Items.TryGetValue(ConnectionKey, out var connection)
            ? (ConsoleConnection)connection!
            : throw HubErrors.Of(DomainErrors.Forbidden, "this connection has no signed-in agent.");

    private string AgentId() => Agent().Agent.AgentId;

    private IConversationGrain Conversation(string? conversationId) =>
        grains.GetGrainByKey<IConversationGrain>(HubArguments.Id(conversationId, "conversationId"));
}
