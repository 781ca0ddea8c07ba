using Conversations.Contracts;

namespace Conversations.Grains.Conversation;

/// <summary>Who may do what: the contact, members, the assigned agent, supervisors; and the workspace views the checks read.</summary>
public sealed partial class ConversationGrain
{
    private Task<WorkspaceView> WorkspaceAsync() => GrainFactory.GetGrain<IWorkspaceGrain>(State.WorkspaceId).GetAsync();

    // A customer's message needs only the site's reopen policy; asking the one workspace grain for every
    // message would funnel all conversations through it, so that path alone reads a view up to a few
    // seconds old. Everything that checks agents and roles reads the workspace fresh.
    private async Task<WorkspaceView> CachedWorkspaceAsync()
    {
        var now = clock.GetUtcNow();
        if (_workspace is null || now - _workspaceReadAt > WorkspaceCacheAge || now < _workspaceReadAt)
        {
            _workspace = await WorkspaceAsync();
            _workspaceReadAt = now;
        }

        return _workspace;
    }

    private ReopenPolicy ReopenPolicyOf(WorkspaceView workspace) =>
        State.ChannelId == WebChannel
            ? workspace.Sites.FirstOrDefault(s => s.Id == State.SiteId)?.ReopenPolicy ?? ReopenPolicy.NewConversation
            : workspace.Channels.FirstOrDefault(c => c.Id == State.ChannelId)?.ReopenPolicy ?? ReopenPolicy.NewConversation;

    private void RequireStarted()
    {
        if (!State.Started)
        {
            throw new DomainException(DomainErrors.NotFound, $"Conversation '{Id}' does not exist.");
        }
    }

    private void RequireOpen()
    {
        if (State.Status == ConversationStatus.Closed)
        {
            throw new DomainException(DomainErrors.ConversationClosed, $"Conversation '{Id}' is closed.");
        }
    }

    private void RequireContact(string contactId)
    {
        RequireStarted();
        if (State.ContactId != contactId)
        {
            throw new DomainException(DomainErrors.NotOwner, $"Contact '{contactId}' does not own conversation '{Id}'.");
        }
    }

    private async Task<(WorkspaceView Workspace, WorkspaceAgent Member, AgentView Agent)> RequireAgentAsync(string agentId)
    {
        RequireStarted();
        var workspace = await WorkspaceAsync();
        var member = RequireMember(workspace, agentId);
        var agent = await GrainFactory.GetGrain<IAgentGrain>(agentId).GetAsync();
        if (!agent.IsAllowedOn(State.SiteId))
        {
            throw new DomainException(DomainErrors.AgentNotAllowedOnSite, $"Agent '{agentId}' is not allowed on site '{State.SiteId}'.");
        }

        return (workspace, member, agent);
    }

    /// <summary>The check of a reply, which an agent sends many times a conversation: being the assigned
    /// agent is checked on the state, membership on a workspace view up to a few seconds old, and the site
    /// permission was checked when the agent's capacity was reserved. A revoked or re-scoped agent's
    /// sessions and connections are ended by the edge at once; this is the second line.</summary>
    private async Task<AgentRef> RequireAssignedAsync(string agentId)
    {
        RequireStarted();
        if (State.Status != ConversationStatus.Live || State.Agent is not { } agent || agent.Id != agentId)
        {
            throw new DomainException(DomainErrors.NotAssigned, $"Agent '{agentId}' is not the assigned agent of conversation '{Id}'.");
        }

        RequireMember(await CachedWorkspaceAsync(), agentId);
        return agent;
    }

    /// <summary>Typing and read marks, sent many times a minute: the assigned agent takes the reply's check,
    /// anyone else (a supervisor watching) the full one.</summary>
    private async Task<string> RequireAgentNameAsync(string agentId)
    {
        if (State.Status == ConversationStatus.Live && State.Agent?.Id == agentId)
        {
            return (await RequireAssignedAsync(agentId)).Name;
        }

        return (await RequireAgentAsync(agentId)).Agent.Profile.DisplayName;
    }

    private async Task<AgentView> RequireAssignableAsync(string agentId)
    {
        RequireMember(await WorkspaceAsync(), agentId);
        return await GrainFactory.GetGrain<IAgentGrain>(agentId).GetAsync();
    }

    private WorkspaceAgent RequireMember(WorkspaceView workspace, string agentId) =>
        workspace.Agents.FirstOrDefault(a => a.AgentId == agentId)
        ?? throw new DomainException(DomainErrors.AgentUnknown, $"Agent '{agentId}' is not a member of workspace '{State.WorkspaceId}'.");

    private static void RequireSupervisor(WorkspaceAgent acting, string action)
    {
        if (acting.Role == AgentRole.Agent)
        {
            throw new DomainException(DomainErrors.Forbidden, $"Agent '{acting.AgentId}' must be a supervisor or an admin to {action}.");
        }
    }
}
