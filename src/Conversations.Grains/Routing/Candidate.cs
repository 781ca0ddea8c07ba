using Conversations.Contracts;

namespace Conversations.Grains.Routing;

/// <summary>An eligible agent during one dispatch, with the load it will have once the offers made in
/// this dispatch are taken.</summary>
internal sealed class Candidate(AgentView agent, int load)
{
    public AgentView Agent { get; } = agent;

    public int Load { get; set; } = load;

    public DateTimeOffset? LastOfferedAt { get; set; }
}
