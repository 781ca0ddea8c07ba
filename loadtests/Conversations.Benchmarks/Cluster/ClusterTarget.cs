using Conversations.Benchmarks.E2e;
using Conversations.Testing.Cluster;
using Conversations.Testing.SignalR;

namespace Conversations.Benchmarks.Cluster;

/// <summary>The e2e scenario's customers and agents spread over the nodes of a <see cref="ProcessCluster"/>:
/// customer <c>i</c> on node <c>i % n</c>, agent <c>i</c> on node <c>(i + 1) % n</c>.</summary>
public sealed class ClusterTarget : IChatTarget
{
    private const string Text = "Bonjour, j'ai une question sur ma commande.";

    private readonly HubClient[] _customers;
    private readonly string[] _conversationIds;
    private readonly HubClient[] _agents;

    private ClusterTarget(int silos, HubClient[] customers, string[] conversationIds, HubClient[] agents)
    {
        Name = $"{silos} silo(s)";
        _customers = customers;
        _conversationIds = conversationIds;
        _agents = agents;
    }

    public string Name { get; }

    public int Conversations => _customers.Length;

    public static async Task<ClusterTarget> ConnectAsync(ProcessCluster cluster, int conversations, int agentCount, DeliveryRecorder recorder)
    {
        var nodes = cluster.Nodes.Select(n => n.BaseAddress).ToList();
        var (customers, conversationIds, agents) = await ServerTarget.ConnectAsync(nodes, conversations, agentCount, recorder);
        return new ClusterTarget(nodes.Count, customers, conversationIds, agents);
    }

    public Task SendAsync(int index, string clientMessageId) =>
        _customers[index].InvokeAsync<DeliveredMessage>("send", new { conversationId = _conversationIds[index], clientMessageId, text = Text });

    public async ValueTask DisposeAsync() => await Connections.CloseAsync(_customers.Concat(_agents));
}
