using Conversations.Contracts;

namespace Conversations.Grains.Routing;

/// <summary>The waiting queue of one site or channel: longest waiting first (higher priority before),
/// automatic assignment to the least-loaded eligible agent, and queue positions for the customers.
/// Routing decides and offers one way; the conversation reserves the agent and answers one way, so a
/// dispatch never waits on a conversation that may itself be busy telling routing something.</summary>
[GrainType("RoutingGrain")]
public sealed class RoutingGrain(
    [PersistentState("routing")] IPersistentState<RoutingGrainState> state,
    IConversationEventSink events,
    TimeProvider clock) : Grain, IRoutingGrain
{
    private const int WaitWindow = 20;

    // An offer whose answer never came (the conversation's activation failed, a message was dropped) is
    // made again after this, so a lost one-way message delays a customer, never strands one.
    private static readonly TimeSpan OfferTimeout = TimeSpan.FromSeconds(30);

    // Offers not yet answered, by conversation: they count against the agent's free capacity in the next
    // dispatches. In memory only: after a restart every entry is simply offered again, and a conversation
    // that was assigned meanwhile answers "no longer waiting".
    private readonly Dictionary<string, PendingOffer> _offers = [];

    private string _workspaceId = string.Empty;
    private string _siteId = string.Empty;

    private RoutingGrainState State => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        _workspaceId = key[..slash];
        _siteId = key[(slash + 1)..];
        return Task.CompletedTask;
    }

    public async Task EnqueueAsync(QueueEntry entry)
    {
        var index = State.Entries.FindIndex(e => e.ConversationId == entry.ConversationId);
        if (index >= 0)
        {
            State.Entries[index] = entry with { EnqueuedAt = State.Entries[index].EnqueuedAt };
        }
        else
        {
            State.Entries.Add(entry);
        }

        await state.WriteStateAsync();
        await DispatchAsync();
    }

    public async Task RemoveAsync(string conversationId, bool assigned)
    {
        _offers.Remove(conversationId);
        var entry = State.Entries.Find(e => e.ConversationId == conversationId);
        if (entry is null)
        {
            return;
        }

        State.Entries.Remove(entry);
        if (assigned)
        {
            RecordWait(entry);
        }

        await state.WriteStateAsync();
        PublishQueue();
    }

    public async Task DeclineAsync(string conversationId, string agentId)
    {
        if (_offers.TryGetValue(conversationId, out var offer) && offer.AgentId == agentId)
        {
            _offers.Remove(conversationId);
            await DispatchAsync();
        }
    }

    public async Task DispatchAsync()
    {
        var workspace = await GrainFactory.GetGrain<IWorkspaceGrain>(_workspaceId).GetAsync();
        if (AutoAssignment(workspace))
        {
            await AssignWaitingAsync(workspace);
        }

        PublishQueue();
    }

    public async Task<QueueView> GetQueueAsync()
    {
        var workspace = await GrainFactory.GetGrain<IWorkspaceGrain>(_workspaceId).GetAsync();
        return new QueueView(_workspaceId, _siteId, AutoAssignment(workspace), ServiceOrder(), AverageWait());
    }

    private async Task AssignWaitingAsync(WorkspaceView workspace)
    {
        var now = clock.GetUtcNow();
        foreach (var expired in _offers.Where(o => now - o.Value.At > OfferTimeout).Select(o => o.Key).ToList())
        {
            _offers.Remove(expired);
        }

        var waiting = ServiceOrder().Where(e => !_offers.ContainsKey(e.ConversationId)).ToList();
        if (waiting.Count == 0)
        {
            return;
        }

        var licensed = workspace.Agents.Where(a => a.Licensed).Select(a => a.AgentId).ToList();
        var agents = (await Task.WhenAll(licensed.Select(id => GrainFactory.GetGrain<IAgentGrain>(id).GetAsync())))
            .Where(IsEligible)
            .Select(a => new Candidate(a, a.ActiveConversationIds.Count + _offers.Values.Count(o => o.AgentId == a.Profile.Id && !a.ActiveConversationIds.Contains(o.ConversationId))))
            .ToList();
        foreach (var entry in waiting)
        {
            var team = entry.TeamId is null ? null : workspace.Teams.FirstOrDefault(t => t.Id == entry.TeamId);
            var candidate = agents
                .Where(c => c.Load < c.Agent.Profile.Capacity && (team is null || team.AgentIds.Contains(c.Agent.Profile.Id)))
                .OrderBy(c => c.Load)
                .ThenBy(c => c.LastOfferedAt ?? c.Agent.LastAssignedAt ?? DateTimeOffset.MinValue)
                .FirstOrDefault();
            if (candidate is null)
            {
                continue;
            }

            candidate.Load++;
            candidate.LastOfferedAt = now;
            _offers[entry.ConversationId] = new PendingOffer(entry.ConversationId, candidate.Agent.Profile.Id, now);
            await GrainFactory.GetGrain<IConversationGrain>(entry.ConversationId).OfferFromQueueAsync(candidate.Agent.Profile.Id);
        }
    }

    private bool IsEligible(AgentView agent) =>
        agent.Exists
        && agent.Licensed
        && agent.Status == AgentStatus.Online
        && agent.IsAllowedOn(_siteId);

    private bool AutoAssignment(WorkspaceView workspace) =>
        workspace.Sites.FirstOrDefault(s => s.Id == _siteId)?.AutoAssignment
        ?? workspace.Channels.FirstOrDefault(c => c.Id == _siteId)?.AutoAssignment
        ?? true;

    private List<QueueEntry> ServiceOrder() =>
        [.. State.Entries.OrderByDescending(e => e.Priority).ThenBy(e => e.EnqueuedAt)];

    private void RecordWait(QueueEntry entry)
    {
        State.RecentWaitSeconds.Add(Math.Max(0, (clock.GetUtcNow() - entry.EnqueuedAt).TotalSeconds));
        if (State.RecentWaitSeconds.Count > WaitWindow)
        {
            State.RecentWaitSeconds.RemoveAt(0);
        }
    }

    private double AverageWait() => State.RecentWaitSeconds.Count == 0 ? 0 : State.RecentWaitSeconds.Average();

    private void PublishQueue()
    {
        var average = AverageWait();
        var order = ServiceOrder();
        for (var i = 0; i < order.Count; i++)
        {
            var position = i + 1;
            events.Publish(new QueuePositionChanged(_workspaceId, _siteId, order[i].ConversationId, order[i].ContactId, position, (int)Math.Round(average * position)));
        }

        events.Publish(new QueueCountersChanged(_workspaceId, _siteId, order.Count, order.Count(e => e.TeamId is null)));
    }
}
