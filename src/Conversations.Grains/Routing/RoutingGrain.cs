using Conversations.Contracts;

namespace Conversations.Grains.Routing;

/// <summary>The waiting queue of one site or channel: longest waiting first (higher priority before),
/// automatic assignment to the least-loaded eligible agent, and queue positions for the customers.</summary>
[GrainType("RoutingGrain")]
public sealed class RoutingGrain(
    [PersistentState("routing")] IPersistentState<RoutingGrainState> state,
    IConversationEventSink events,
    TimeProvider clock) : Grain, IRoutingGrain
{
    private const int WaitWindow = 20;

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
        var licensed = workspace.Agents.Where(a => a.Licensed).Select(a => a.AgentId).ToList();
        var agents = (await Task.WhenAll(licensed.Select(id => GrainFactory.GetGrain<IAgentGrain>(id).GetAsync())))
            .ToDictionary(a => a.Profile.Id);
        var changed = false;
        foreach (var entry in ServiceOrder())
        {
            var available = agents.Values.Where(IsAvailable).ToList();
            if (available.Count == 0)
            {
                break;
            }

            var team = entry.TeamId is null ? null : workspace.Teams.FirstOrDefault(t => t.Id == entry.TeamId);
            var candidate = available
                .Where(a => team is null || team.AgentIds.Contains(a.Profile.Id))
                .OrderBy(a => a.ActiveConversationIds.Count)
                .ThenBy(a => a.LastAssignedAt ?? DateTimeOffset.MinValue)
                .FirstOrDefault();
            if (candidate is null || !State.Entries.Contains(entry))
            {
                continue;
            }

            var conversation = GrainFactory.GetGrain<IConversationGrain>(entry.ConversationId);
            var assigned = await conversation.AssignFromQueueAsync(candidate.Profile.Id);
            agents[candidate.Profile.Id] = await GrainFactory.GetGrain<IAgentGrain>(candidate.Profile.Id).GetAsync();
            if (assigned || (await conversation.GetStateAsync()).Status != ConversationStatus.Waiting)
            {
                if (State.Entries.Remove(entry) && assigned)
                {
                    RecordWait(entry);
                }

                changed = true;
            }
        }

        if (changed)
        {
            await state.WriteStateAsync();
        }
    }

    private bool IsAvailable(AgentView agent) =>
        agent.Exists
        && agent.Licensed
        && agent.Status == AgentStatus.Online
        && agent.IsAllowedOn(_siteId)
        && agent.ActiveConversationIds.Count < agent.Profile.Capacity;

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
