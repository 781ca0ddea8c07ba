using System.Diagnostics;
using Conversations.Testing.SignalR;

namespace Conversations.Benchmarks.E2e;

/// <summary>The baseline: the same customers and agents on <see cref="RelayHub"/>, which only forwards.</summary>
public sealed class RelayTarget : IChatTarget
{
    private readonly RelayServer _server;
    private readonly HubClient[] _customers;
    private readonly HubClient[] _agents;

    private RelayTarget(RelayServer server, HubClient[] customers, HubClient[] agents)
    {
        _server = server;
        _customers = customers;
        _agents = agents;
    }

    public string Name => "relay";

    public int Conversations => _customers.Length;

    public static async Task<RelayTarget> StartAsync(int conversations, int agentCount, DeliveryRecorder recorder)
    {
        var server = await RelayServer.StartAsync();
        var agents = await Connections.OpenAsync(agentCount, _ => HubClient.ConnectAsync(server.HubUrl, new HubClientOptions { EventHistory = 0 }));
        foreach (var agent in agents)
        {
            agent.On<RelayMessage>("message", m => recorder.Received(m.ClientMessageId));
        }

        var customers = await Connections.OpenAsync(conversations, async i =>
        {
            var customer = await HubClient.ConnectAsync(server.HubUrl, new HubClientOptions { EventHistory = 0 });
            await customer.InvokeAsync("JoinAsCustomer", Conversation(i));
            await agents[i % agentCount].InvokeAsync("JoinAsAgent", Conversation(i));
            return customer;
        });
        return new RelayTarget(server, customers, agents);
    }

    public Task SendAsync(int index, string clientMessageId) =>
        _customers[index].InvokeAsync<RelayMessage>("Send", new RelayMessage(Conversation(index), clientMessageId, "Bonjour, j'ai une question sur ma commande.", Stopwatch.GetTimestamp()));

    public async ValueTask DisposeAsync()
    {
        await Connections.CloseAsync(_customers.Concat(_agents));
        await _server.DisposeAsync();
    }

    private static string Conversation(int index) => $"c{index}";
}
